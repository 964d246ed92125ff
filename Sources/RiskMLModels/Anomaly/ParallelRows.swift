import Dispatch

/// Runs row-block work on a fixed number of workers with `DispatchQueue.concurrentPerform`.
///
/// Blocks are fixed-size ranges of rows whatever the worker count, and each block
/// writes only its own outputs, so results never depend on the number of threads.
enum ParallelRows {
  /// Rows per block: large enough to amortise dispatch, small enough to balance load.
  static let blockSize = 2048

  /// Calls `body(range)` for consecutive row ranges covering 0..<count.
  ///
  /// `body` must be safe to call concurrently for disjoint ranges.
  static func forEachBlock(
    count: Int, threads: Int, blockSize: Int = blockSize,
    _ body: (Range<Int>) -> Void
  ) {
    let blocks = (count + blockSize - 1) / blockSize
    guard blocks > 0 else { return }
    let workers = max(1, min(threads, blocks))
    if workers == 1 {
      for block in 0..<blocks { body(range(of: block, count: count, blockSize: blockSize)) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let work = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var block = worker
        while block < blocks {
          work.value(range(of: block, count: count, blockSize: blockSize))
          block += workers
        }
      }
    }
  }

  /// Calls `body(index)` for 0..<count on `threads` workers (strided assignment).
  static func forEachIndex(count: Int, threads: Int, _ body: (Int) -> Void) {
    let workers = max(1, min(threads, count))
    guard count > 0 else { return }
    if workers == 1 {
      for index in 0..<count { body(index) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let work = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < count {
          work.value(index)
          index += workers
        }
      }
    }
  }

  /// An array of `count` values where `body(range, output)` fills `output[range]` for
  /// each block; blocks run concurrently on `threads` workers.
  static func fill(
    count: Int, threads: Int, blockSize: Int = blockSize,
    _ body: (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
  ) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { output, initialized in
      output.initialize(repeating: 0)
      let shared = UncheckedSendable(output)
      forEachBlock(count: count, threads: threads, blockSize: blockSize) { range in
        body(range, shared.value)
      }
      initialized = count
    }
  }

  private static func range(of block: Int, count: Int, blockSize: Int) -> Range<Int> {
    (block * blockSize)..<min(count, (block + 1) * blockSize)
  }
}

/// Carries a value that is not `Sendable` into concurrent workers.
///
/// Used only where the workers touch disjoint parts of it (row blocks of one output
/// buffer) or only read it, which the callers guarantee.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}
