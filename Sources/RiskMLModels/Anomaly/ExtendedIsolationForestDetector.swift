import Foundation
import RiskMLCore

/// Extended isolation forest (Hariri, Carrasco Kind and Brunner, "Extended Isolation
/// Forest", IEEE TKDE 2021, arXiv 2018): isolation trees whose splits are random
/// hyperplanes instead of axis-parallel cuts.
///
/// At a node, the normal n has standard normal components, of which d - 1 - `extension`
/// randomly chosen ones are set to 0 (`extension` = d - 1, the default, is the fully
/// extended forest; 0 is the axis-parallel one), and the intercept p is uniform in the
/// node's bounding box. Rows with (x - p) . n <= 0 go left. Sampling, depth limit,
/// c(n) and the score 2^(-E[h]/c(psi)) are those of `IsolationForestDetector`. A side
/// may be empty; its leaf has path length equal to its depth.
///
/// NaN policy: none accepted. - Complexity: fit O(trees * psi * d * log psi);
/// score O(rows * trees * d * log psi).
public struct ExtendedIsolationForestDetector: AnomalyDetector, Equatable {
  public var trees: Int
  public var maxSamples: Int
  /// Non-zero components of each normal minus one; `nil` means d - 1 (fully extended).
  public var extensionLevel: Int?
  public var seed: UInt64
  public var threads: Int

  public init(
    trees: Int = 100, maxSamples: Int = 256, extensionLevel: Int? = nil, seed: UInt64 = 0,
    threads: Int = AnomalyDefaults.threads
  ) {
    self.trees = trees
    self.maxSamples = maxSamples
    self.extensionLevel = extensionLevel
    self.seed = seed
    self.threads = threads
  }

  public func fit(features: Matrix) throws -> ExtendedIsolationForestModel {
    guard trees > 0, maxSamples >= 2 else {
      throw AnomalyError.invalidParameter("trees must be positive and max-samples at least 2")
    }
    try FeatureCheck.validate(features, minimumRows: 2)
    let d = features.columns
    let level = extensionLevel ?? d - 1
    guard level >= 0, level < d else {
      throw AnomalyError.invalidParameter("extension level must be in 0...\(d - 1)")
    }
    let psi = min(maxSamples, features.rows)
    let maxDepth = Int(log2(Double(psi)).rounded(.up))
    let built = ConcurrentSlots<HyperplaneTree>(count: trees)
    ParallelRows.forEachIndex(count: trees, threads: threads) { tree in
      var generator = SeededGenerator(seed: seed, stream: UInt64(tree))
      let rows = generator.sample(psi, from: features.rows)
      var grower = HyperplaneTree(d: d, nonZero: level + 1)
      grower.grow(features: features, rows: rows, maxDepth: maxDepth, generator: &generator)
      built.store(grower, at: tree)
    }
    return ExtendedIsolationForestModel(
      featureCount: d, samplesPerTree: psi, trees: built.values())
  }
}

/// One hyperplane tree, flat. Node i is a leaf when `plane[i] < 0` and then `value[i]` is
/// its path length; otherwise rows with x . normals[plane[i]] <= value[i] go to
/// `child[i]`, the others to `child[i] + 1`.
struct HyperplaneTree: Sendable {
  let d: Int
  let nonZero: Int
  var plane: [Int32] = []
  var value: [Double] = []
  var child: [Int32] = []
  var normals: [Double] = []

  init(d: Int, nonZero: Int) {
    self.d = d
    self.nonZero = nonZero
  }

  mutating func grow(
    features: Matrix, rows: [Int], maxDepth: Int, generator: inout SeededGenerator
  ) {
    var order = rows
    appendNode()
    var pending: [(node: Int, start: Int, end: Int, depth: Int)] = [(0, 0, rows.count, 0)]
    var lows = [Double](repeating: 0, count: d)
    var highs = [Double](repeating: 0, count: d)
    while let (node, start, end, depth) = pending.popLast() {
      var isSplittable = false
      if depth < maxDepth, end - start > 1 {
        for j in 0..<d {
          lows[j] = .infinity
          highs[j] = -.infinity
          for k in start..<end {
            lows[j] = min(lows[j], features[order[k], j])
            highs[j] = max(highs[j], features[order[k], j])
          }
          if lows[j] < highs[j] { isSplittable = true }
        }
      }
      guard isSplittable else {
        value[node] = Double(depth) + averagePathLength(end - start)
        continue
      }
      let normal = drawNormal(&generator)
      var offset = 0.0
      for j in 0..<d { offset += normal[j] * generator.nextDouble(in: lows[j], highs[j]) }
      var middle = start
      for k in start..<end {
        var projection = 0.0
        for j in 0..<d { projection += features[order[k], j] * normal[j] }
        if projection <= offset {
          order.swapAt(k, middle)
          middle += 1
        }
      }
      plane[node] = Int32(normals.count / d)
      normals += normal
      value[node] = offset
      let left = appendNode()
      appendNode()
      child[node] = Int32(left)
      pending.append((left + 1, middle, end, depth + 1))
      pending.append((left, start, middle, depth + 1))
    }
  }

  private func drawNormal(_ generator: inout SeededGenerator) -> [Double] {
    var normal = (0..<d).map { _ in generator.nextGaussian() }
    if nonZero < d {
      let kept = Set(generator.sample(nonZero, from: d))
      for j in 0..<d where !kept.contains(j) { normal[j] = 0 }
    }
    return normal
  }

  @discardableResult
  private mutating func appendNode() -> Int {
    plane.append(-1)
    value.append(0)
    child.append(-1)
    return plane.count - 1
  }
}
