import Foundation

/// Fixed slots that concurrent workers fill, each worker writing only its own indices.
///
/// A lock guards the array, so it is safe whatever the schedule; results are read back in
/// index order, which keeps them independent of the thread count.
final class ConcurrentSlots<Element: Sendable>: @unchecked Sendable {
  private var slots: [Element?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func store(_ element: Element, at index: Int) {
    lock.lock()
    slots[index] = element
    lock.unlock()
  }

  /// The stored elements in index order; every slot must have been filled.
  func values() -> [Element] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
