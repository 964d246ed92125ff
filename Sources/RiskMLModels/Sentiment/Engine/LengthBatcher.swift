/// Groups sequences of similar length into batches under a token budget.
///
/// The encoder packs sequences without padding, so the budget bounds the workspace
/// (about `tokens x (6 x hidden + intermediate)` floats) and keeps the products large
/// enough for OpenBLAS to run near its peak.
public struct LengthBatcher: Sendable {
  /// The most tokens in one batch (a longer single sequence gets a batch of its own).
  public var tokenBudget: Int
  /// The most sequences in one batch.
  public var maxSequences: Int

  /// A batcher; both limits are at least 1.
  public init(tokenBudget: Int = 8192, maxSequences: Int = 64) {
    self.tokenBudget = max(1, tokenBudget)
    self.maxSequences = max(1, maxSequences)
  }

  /// Indices into `lengths`, grouped into batches, shortest sequences first.
  ///
  /// - Complexity: O(n log n) for n sequences.
  public func batches(lengths: [Int]) -> [[Int]] {
    let order = lengths.indices.sorted { (lengths[$0], $0) < (lengths[$1], $1) }
    var result: [[Int]] = []
    var current: [Int] = []
    var tokens = 0
    for index in order {
      let length = lengths[index]
      if !current.isEmpty && (tokens + length > tokenBudget || current.count == maxSequences) {
        result.append(current)
        current = []
        tokens = 0
      }
      current.append(index)
      tokens += length
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
