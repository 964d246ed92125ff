import Foundation
import RiskMLCore

/// Isolation forest (Liu, Ting and Zhou, ICDM 2008) as scikit-learn implements it.
///
/// Each of `trees` trees is grown on `min(maxSamples, n)` rows drawn without replacement.
/// A node picks a feature uniformly among those not constant in the node and a threshold
/// uniform in [min, max) of that feature (rows with value <= threshold go left). It stops
/// at depth ceil(log2(psi)), at one row, or when every feature is constant. A row's path
/// length in a tree is the leaf depth plus c(leaf size); the score is
/// 2^(-E[h(x)] / c(psi)) in (0, 1], higher is more abnormal (scikit-learn's
/// `-score_samples`). Draws come from `SeededGenerator(seed, stream: tree)`, so the forest
/// is the same for any thread count (it is not scikit-learn's random stream).
///
/// NaN policy: none accepted; fitting and scoring throw `AnomalyError.nonFinite`.
/// - Complexity: fit O(trees * psi * (log psi) * d); score O(rows * trees * log psi).
public struct IsolationForestDetector: AnomalyDetector, Equatable {
  public var trees: Int
  public var maxSamples: Int
  public var seed: UInt64
  public var threads: Int

  public init(
    trees: Int = 100, maxSamples: Int = 256, seed: UInt64 = 0,
    threads: Int = AnomalyDefaults.threads
  ) {
    self.trees = trees
    self.maxSamples = maxSamples
    self.seed = seed
    self.threads = threads
  }

  public func fit(features: Matrix) throws -> IsolationForestModel {
    guard trees > 0 else { throw AnomalyError.invalidParameter("trees must be positive") }
    guard maxSamples >= 2 else {
      throw AnomalyError.invalidParameter("max-samples must be at least 2")
    }
    try FeatureCheck.validate(features, minimumRows: 2)
    let psi = min(maxSamples, features.rows)
    let maxDepth = Int(log2(Double(psi)).rounded(.up))

    let built = ConcurrentSlots<IsolationTree>(count: trees)
    ParallelRows.forEachIndex(count: trees, threads: threads) { tree in
      var generator = SeededGenerator(seed: seed, stream: UInt64(tree))
      let rows = generator.sample(psi, from: features.rows)
      built.store(
        IsolationTree.grow(
          features: features, rows: rows, maxDepth: maxDepth, generator: &generator),
        at: tree)
    }
    return IsolationForestModel(
      featureCount: features.columns, samplesPerTree: psi, trees: built.values())
  }
}

/// One isolation tree, flat: node i is a leaf when `feature[i] < 0`, in which case
/// `value[i]` is depth + c(size); otherwise rows with x[feature] <= value[i] go to
/// `child[i]` and the others to `child[i] + 1`.
struct IsolationTree: Sendable {
  var feature: [Int32] = []
  var value: [Double] = []
  var child: [Int32] = []

  static func grow(
    features: Matrix, rows: [Int], maxDepth: Int, generator: inout SeededGenerator
  ) -> IsolationTree {
    let d = features.columns
    var sample = [Double](repeating: 0, count: rows.count * d)
    for (position, row) in rows.enumerated() {
      for j in 0..<d { sample[position * d + j] = features[row, j] }
    }
    var order = Array(0..<rows.count)
    var tree = IsolationTree()
    tree.append()
    var pending: [(node: Int, start: Int, end: Int, depth: Int)] = [(0, 0, rows.count, 0)]
    var candidates: [Int] = []
    var lows = [Double](repeating: 0, count: d)
    var highs = [Double](repeating: 0, count: d)

    while let (node, start, end, depth) = pending.popLast() {
      let size = end - start
      candidates.removeAll(keepingCapacity: true)
      if depth < maxDepth, size > 1 {
        for j in 0..<d {
          var low = Double.infinity
          var high = -Double.infinity
          for k in start..<end {
            let x = sample[order[k] * d + j]
            low = min(low, x)
            high = max(high, x)
          }
          lows[j] = low
          highs[j] = high
          if low < high { candidates.append(j) }
        }
      }
      guard !candidates.isEmpty else {
        tree.value[node] = Double(depth) + averagePathLength(size)
        continue
      }
      let j = candidates[generator.nextInt(below: candidates.count)]
      let threshold = generator.nextDouble(in: lows[j], highs[j])
      var middle = start
      for k in start..<end where sample[order[k] * d + j] <= threshold {
        order.swapAt(k, middle)
        middle += 1
      }
      let left = tree.append()
      tree.append()
      tree.feature[node] = Int32(j)
      tree.value[node] = threshold
      tree.child[node] = Int32(left)
      pending.append((left + 1, middle, end, depth + 1))
      pending.append((left, start, middle, depth + 1))
    }
    return tree
  }

  @discardableResult
  private mutating func append() -> Int {
    feature.append(-1)
    value.append(0)
    child.append(-1)
    return feature.count - 1
  }
}
