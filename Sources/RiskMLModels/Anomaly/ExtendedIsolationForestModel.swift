import Foundation
import RiskMLCore

/// A fitted extended isolation forest in flat struct-of-arrays storage.
///
/// Tree t starts at node `roots[t]`. Node i is a leaf when `plane[i] < 0` and then
/// `value[i]` is its path length (depth + c(size)); otherwise the row goes to `child[i]`
/// when x . normal <= value[i], where the normal is `normals[plane[i] * d ..< +d]`, and to
/// `child[i] + 1` otherwise.
public struct ExtendedIsolationForestModel: FittedAnomalyDetector, Equatable {
  public let featureCount: Int
  public let samplesPerTree: Int
  public let roots: [Int32]
  public let plane: [Int32]
  public let value: [Double]
  public let child: [Int32]
  public let normals: [Double]

  init(featureCount: Int, samplesPerTree: Int, trees: [HyperplaneTree]) {
    var roots: [Int32] = []
    var plane: [Int32] = []
    var value: [Double] = []
    var child: [Int32] = []
    var normals: [Double] = []
    for tree in trees {
      let nodeOffset = Int32(plane.count)
      let planeOffset = Int32(normals.count / max(featureCount, 1))
      roots.append(nodeOffset)
      plane += tree.plane.map { $0 < 0 ? $0 : $0 + planeOffset }
      value += tree.value
      child += tree.child.map { $0 < 0 ? $0 : $0 + nodeOffset }
      normals += tree.normals
    }
    self.featureCount = featureCount
    self.samplesPerTree = samplesPerTree
    self.roots = roots
    self.plane = plane
    self.value = value
    self.child = child
    self.normals = normals
  }

  /// Scores 2^(-mean path length / c(psi)); bit-identical for any batch or thread count.
  /// - Complexity: O(rows * trees * d * depth).
  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    try checkConsistency()
    let d = featureCount
    let normaliser = Double(roots.count) * averagePathLength(samplesPerTree)
    return ParallelRows.fill(count: rows.rows, threads: threads) { range, output in
      for row in range {
        let base = row * d
        var total = 0.0
        for root in roots {
          var node = Int(root)
          while plane[node] >= 0 {
            let normalBase = Int(plane[node]) * d
            var projection = 0.0
            for j in 0..<d { projection += rows.storage[base + j] * normals[normalBase + j] }
            node = Int(child[node]) + (projection <= value[node] ? 0 : 1)
          }
          total += value[node]
        }
        output[row] = exp2(-total / normaliser)
      }
    }
  }

  func checkConsistency() throws {
    let count = plane.count
    let planes = featureCount > 0 ? normals.count / featureCount : 0
    guard value.count == count, child.count == count, !roots.isEmpty, samplesPerTree >= 2,
      normals.count == planes * featureCount
    else { throw AnomalyError.invalidModel("extended forest arrays disagree in length") }
    for node in 0..<count where plane[node] >= 0 {
      guard Int(plane[node]) < planes, child[node] > Int32(node), Int(child[node]) + 1 < count
      else { throw AnomalyError.invalidModel("extended forest node \(node) is malformed") }
    }
    guard roots.allSatisfy({ $0 >= 0 && Int($0) < count }) else {
      throw AnomalyError.invalidModel("extended forest root out of range")
    }
  }
}
