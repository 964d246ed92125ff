/// A fixed-size, heap-allocated `Float` buffer with a stable address.
///
/// Weights are written once while loading and then only read, so sharing them across
/// threads is safe; workspaces are owned by one forward pass.
final class FloatBuffer: @unchecked Sendable {
  /// Number of elements.
  let count: Int
  /// The first element.
  let pointer: UnsafeMutablePointer<Float>

  /// `count` zeros.
  init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  /// A copy of `values`.
  convenience init(_ values: [Float]) {
    self.init(count: values.count)
    values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
  }

  deinit {
    pointer.deallocate()
  }

  /// The elements as an array.
  var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
