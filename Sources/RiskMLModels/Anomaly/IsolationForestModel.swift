import Foundation
import RiskMLCore

/// A fitted isolation forest: every tree's nodes in flat struct-of-arrays storage.
///
/// Tree t starts at node `roots[t]`. Node i is a leaf when `feature[i] < 0`, and then
/// `value[i]` is its path length (depth + c(size)); otherwise rows with
/// x[feature[i]] <= value[i] go to node `child[i]`, the others to `child[i] + 1`.
public struct IsolationForestModel: FittedAnomalyDetector, Equatable {
  public let featureCount: Int
  /// psi: rows drawn per tree, the n in the normaliser c(psi).
  public let samplesPerTree: Int
  public let roots: [Int32]
  public let feature: [Int32]
  public let value: [Double]
  public let child: [Int32]

  init(featureCount: Int, samplesPerTree: Int, trees: [IsolationTree]) {
    var roots: [Int32] = []
    var feature: [Int32] = []
    var value: [Double] = []
    var child: [Int32] = []
    for tree in trees {
      let offset = Int32(feature.count)
      roots.append(offset)
      feature += tree.feature
      value += tree.value
      child += tree.child.map { $0 < 0 ? $0 : $0 + offset }
    }
    self.featureCount = featureCount
    self.samplesPerTree = samplesPerTree
    self.roots = roots
    self.feature = feature
    self.value = value
    self.child = child
  }

  /// The number of trees.
  public var treeCount: Int { roots.count }

  /// Scores 2^(-mean path length / c(psi)); see `IsolationForestDetector`.
  ///
  /// Rows are scored in blocks of 2,048 across `threads` workers; each row's path lengths
  /// are summed over trees in tree order, so scores are bit-identical for any thread
  /// count and any batch. - Complexity: O(rows * trees * depth), memory O(rows).
  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    try checkConsistency()
    let normaliser = Double(treeCount) * averagePathLength(samplesPerTree)
    let d = rows.columns
    let complete = CompleteForest(self)
    return rows.storage.withUnsafeBufferPointer { x in
      ParallelRows.fill(count: rows.rows, threads: threads) { range, output in
        for row in range { output[row] = 0 }
        if let complete {
          complete.accumulate(rows: x, columns: d, range: range, into: output)
        } else {
          accumulateSparse(rows: x, columns: d, range: range, into: output)
        }
        for row in range { output[row] = exp2(-output[row] / normaliser) }
      }
    }
  }

  /// Adds each row's path lengths, tree by tree in order, walking the stored layout.
  func accumulateSparse(
    rows x: UnsafeBufferPointer<Double>, columns d: Int, range: Range<Int>,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    feature.withUnsafeBufferPointer { feature in
      value.withUnsafeBufferPointer { value in
        child.withUnsafeBufferPointer { child in
          for root in roots {
            for row in range {
              var node = Int(root)
              let base = row * d
              while feature[node] >= 0 {
                let goesRight = x[base + Int(feature[node])] > value[node]
                node = Int(child[node]) + (goesRight ? 1 : 0)
              }
              output[row] += value[node]
            }
          }
        }
      }
    }
  }

  /// Throws unless the arrays describe well-formed trees (a decoded file may not).
  func checkConsistency() throws {
    let count = feature.count
    guard value.count == count, child.count == count, !roots.isEmpty, samplesPerTree >= 2
    else { throw AnomalyError.invalidModel("isolation forest arrays disagree in length") }
    for node in 0..<count where feature[node] >= 0 {
      guard Int(feature[node]) < featureCount, child[node] > Int32(node),
        Int(child[node]) + 1 < count
      else { throw AnomalyError.invalidModel("isolation forest node \(node) is malformed") }
    }
    guard roots.allSatisfy({ $0 >= 0 && Int($0) < count }) else {
      throw AnomalyError.invalidModel("isolation forest root out of range")
    }
  }
}
