import Foundation

/// Fixed slots that concurrent workers fill, each writing only its own index.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  /// Every filled slot, in index order.
  var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
