import COpenBLAS
import Dispatch
import Foundation

/// The OpenBLAS backend: `cblas_sgemm` for products, Swift loops for the rest, split over
/// `threads` workers with `DispatchQueue.concurrentPerform` when the work is large enough.
///
/// The only file of the sentiment engine that imports COpenBLAS.
public struct CPUBackend: TensorBackend {
  /// Worker threads for OpenBLAS and for the element-wise loops.
  public let threads: Int

  /// A backend with `threads` workers (at least 1); sets OpenBLAS's thread count, which
  /// is process-wide.
  public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.threads = max(1, threads)
    openblas_set_num_threads(Int32(self.threads))
  }

  /// `cpu/openblas (<core>), N threads`.
  public var name: String {
    let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
    return "cpu/openblas (\(core)), \(threads) thread\(threads == 1 ? "" : "s")"
  }

  public func linear(
    input: UnsafePointer<Float>, rows: Int, inputSize: Int,
    weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, outputSize: Int,
    residual: UnsafePointer<Float>?, applyGELU: Bool, output: UnsafeMutablePointer<Float>
  ) {
    guard rows > 0 else { return }
    parallelRows(rows, work: rows * outputSize) { range in
      for row in range {
        let out = output + row * outputSize
        if let residual {
          let add = residual + row * outputSize
          for j in 0..<outputSize { out[j] = bias[j] + add[j] }
        } else {
          out.update(from: bias, count: outputSize)
        }
      }
    }
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputSize), Int32(inputSize),
      1, input, Int32(inputSize), weight, Int32(inputSize), 1, output, Int32(outputSize))
    if applyGELU {
      // FIXME: scalar erff, about 10 million calls per MiniLM batch of 32 sentences; a
      // vectorised erf would be faster, but one on Swift's SIMD8<Float> measured slower.
      parallelRows(rows, work: rows * outputSize) { range in
        let start = output + range.lowerBound * outputSize
        for j in 0..<(range.count * outputSize) {
          let x = start[j]
          start[j] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
        }
      }
    }
  }

  public func layerNorm(
    _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
  ) {
    parallelRows(rows, work: rows * columns * 4) { range in
      for row in range {
        let x = values + row * columns
        var sum: Float = 0
        for j in 0..<columns { sum += x[j] }
        let mean = sum / Float(columns)
        var squares: Float = 0
        for j in 0..<columns {
          let d = x[j] - mean
          squares += d * d
        }
        let scale = 1 / (squares / Float(columns) + epsilon).squareRoot()
        for j in 0..<columns { x[j] = (x[j] - mean) * scale * gamma[j] + beta[j] }
      }
    }
  }

  public func attention(
    qkv: UnsafePointer<Float>, segments: [Range<Int>], headCount: Int, headSize: Int,
    output: UnsafeMutablePointer<Float>
  ) {
    let hidden = headCount * headSize
    let stride = 3 * hidden
    let longest = segments.map(\.count).max() ?? 0
    let tasks = segments.count * headCount
    let workers = min(threads, tasks)
    guard workers > 0 else { return }
    let scale = 1 / Float(headSize).squareRoot()
    // The workers write disjoint column blocks of `output`.
    nonisolated(unsafe) let qkv = qkv
    nonisolated(unsafe) let output = output

    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let scores = UnsafeMutablePointer<Float>.allocate(capacity: longest * longest)
      defer { scores.deallocate() }
      for task in Swift.stride(from: worker, to: tasks, by: workers) {
        let segment = segments[task / headCount]
        let head = task % headCount
        let n = segment.count
        let query = qkv + segment.lowerBound * stride + head * headSize
        cblas_sgemm(
          CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(headSize),
          scale, query, Int32(stride), query + hidden, Int32(stride), 0, scores, Int32(n))
        Self.softmaxRows(scores, rows: n, columns: n)
        cblas_sgemm(
          CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(headSize), Int32(n),
          1, scores, Int32(n), query + 2 * hidden, Int32(stride), 0,
          output + segment.lowerBound * hidden + head * headSize, Int32(hidden))
      }
    }
  }

  private static func softmaxRows(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
    for row in 0..<rows {
      let x = values + row * columns
      var largest = -Float.infinity
      for j in 0..<columns { largest = max(largest, x[j]) }
      var sum: Float = 0
      for j in 0..<columns {
        x[j] = exp(x[j] - largest)
        sum += x[j]
      }
      let inverse = 1 / sum
      for j in 0..<columns { x[j] *= inverse }
    }
  }

  /// Runs `body` over row ranges, split among the workers when `work` (elements touched)
  /// is large enough to pay for the dispatch.
  private func parallelRows(_ rows: Int, work: Int, _ body: (Range<Int>) -> Void) {
    let workers = min(threads, rows)
    guard workers > 1, work >= 65_536 else {
      body(0..<rows)
      return
    }
    // The ranges are disjoint, so the workers touch disjoint rows.
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      body((rows * worker / workers)..<(rows * (worker + 1) / workers))
    }
  }
}
