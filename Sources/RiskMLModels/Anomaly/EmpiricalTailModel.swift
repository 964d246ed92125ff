import Foundation
import RiskMLCore

/// How ECOD and COPOD turn a cell's tail probabilities into one per-feature term.
public enum EmpiricalTailRule: String, Sendable, Codable, Equatable {
  /// ECOD: max(U_l, U_r, U_skew) (Li et al., TKDE 2022; PyOD `ECOD`).
  case ecod
  /// COPOD: max(U_skew, (U_l + U_r) / 2) (Li et al., ICDM 2020; PyOD `COPOD`).
  case copod
}

/// A fitted ECOD or COPOD model: the sorted training values of each feature and the sign
/// of each feature's sample skewness.
///
/// For a cell x of feature j, U_l = -ln F_j(x) and U_r = -ln(1 - F_j(x-)) where
/// F_j(x) counts training values <= x and the right tail counts values >= x. The skew
/// term U_skew is U_l for negative skewness, U_r for positive, and U_l + U_r for zero
/// (PyOD's sign expression). The score is the sum over features of the rule's term.
///
/// Training rows (from `fitAndScore`) use PyOD's `decision_scores_` ECDF over the n
/// training rows: F = #{x_i <= x} / n. A new row is scored against the training rows
/// plus itself, F = (#{x_i <= x} + 1) / (n + 1), which is PyOD's `decision_function`
/// applied to that row alone with the training skewness kept, so the score does not
/// depend on the other rows scored with it.
///
/// - Complexity: scoring O(rows * d * log n); memory n * d doubles.
public struct EmpiricalTailModel: FittedAnomalyDetector, Equatable {
  public let rule: EmpiricalTailRule
  public let featureCount: Int
  /// The training values of each feature in ascending order.
  // FIXME: every training value is kept (n * d doubles, about 170 MB of JSON for
  // 1,000,000 x 8); distinct values with counts, or a fixed quantile grid, would bound it.
  public let sortedColumns: [[Double]]
  /// The sign (-1, 0, 1) of each feature's biased sample skewness m3 / m2^1.5.
  public let skewSigns: [Int]

  init(rule: EmpiricalTailRule, features: Matrix) {
    self.rule = rule
    featureCount = features.columns
    sortedColumns = (0..<features.columns).map { features.column($0).sorted() }
    skewSigns = (0..<features.columns).map { EmpiricalTailModel.skewSign(features.column($0)) }
  }

  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    try checkConsistency()
    let terms = try contributions(rows: rows, threads: threads)
    return (0..<terms.rows).map { row in
      var total = 0.0
      for j in 0..<terms.columns { total += terms[row, j] }
      return total
    }
  }

  public func contributions(rows: Matrix) throws -> Matrix? {
    try contributions(rows: rows, threads: AnomalyDefaults.threads)
  }

  /// The per-cell terms of new rows (each scored against training plus itself).
  func contributions(rows: Matrix, threads: Int) throws -> Matrix {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    let d = featureCount
    let n = sortedColumns.first?.count ?? 0
    let indexes =
      rows.rows >= SortedColumnIndex.minimumBatch
      ? sortedColumns.map { SortedColumnIndex($0) } : nil
    let terms = UncheckedSendable(
      UnsafeMutableBufferPointer<Double>.allocate(capacity: rows.rows * d))
    defer { terms.value.deallocate() }
    ParallelRows.forEachBlock(count: rows.rows, threads: threads, blockSize: 512) { range in
      for j in 0..<d {
        sortedColumns[j].withUnsafeBufferPointer { sorted in
          for row in range {
            let x = rows.storage[row * d + j]
            let (below, atMost) =
              indexes?[j].counts(x, in: sorted)
              ?? (
                EmpiricalTailModel.countBelow(x, in: sorted),
                EmpiricalTailModel.countAtMost(x, in: sorted)
              )
            let above = n - below
            terms.value[row * d + j] = term(
              left: Double(atMost + 1) / Double(n + 1), right: Double(above + 1) / Double(n + 1),
              feature: j)
          }
        }
      }
    }
    let storage = Array(terms.value)
    return Matrix(rows: rows.rows, columns: d, storage: storage)
  }

  /// PyOD's training terms: each training row against the n training rows; tied values
  /// share F = (last position of the tie + 1) / n as in PyOD's `column_ecdf`.
  func trainingContributions(_ features: Matrix) -> Matrix {
    let n = Double(features.rows)
    var result = Matrix(rows: features.rows, columns: features.columns)
    for j in 0..<features.columns {
      var pairs = (0..<features.rows).map { (value: features[$0, j], row: $0) }
      pairs.sort { $0.value < $1.value }
      var start = 0
      while start < pairs.count {
        var end = start
        while end + 1 < pairs.count, pairs[end + 1].value == pairs[start].value { end += 1 }
        let value = term(
          left: Double(end + 1) / n, right: Double(pairs.count - start) / n, feature: j)
        for position in start...end { result[pairs[position].row, j] = value }
        start = end + 1
      }
    }
    return result
  }

  /// The rule's term for left-tail probability `left` and right-tail `right`.
  func term(left: Double, right: Double, feature: Int) -> Double {
    let uLeft = -log(left)
    let uRight = -log(right)
    let uSkew: Double
    switch skewSigns[feature] {
    case ..<0: uSkew = uLeft
    case 1...: uSkew = uRight
    default: uSkew = uLeft + uRight
    }
    switch rule {
    case .ecod: return max(max(uLeft, uRight), uSkew)
    case .copod: return max(uSkew, (uLeft + uRight) / 2)
    }
  }

  /// The sign of the biased skewness m3 / m2^1.5; 0 when m2 is within rounding of zero
  /// (scipy.stats.skew returns NaN there and PyOD maps it to 0).
  static func skewSign(_ values: [Double]) -> Int {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var m2 = 0.0
    var m3 = 0.0
    for x in values {
      let deviation = x - mean
      m2 += deviation * deviation
      m3 += deviation * deviation * deviation
    }
    m2 /= n
    m3 /= n
    if m2 <= (1e-15 * mean) * (1e-15 * mean) { return 0 }
    let skewness = m3 / (m2 * m2.squareRoot())
    return skewness > 0 ? 1 : (skewness < 0 ? -1 : 0)
  }

  /// The number of values in ascending `sorted` that are <= x (binary search).
  static func countAtMost(_ x: Double, in sorted: UnsafeBufferPointer<Double>) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] <= x { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The number of values in ascending `sorted` that are < x (binary search).
  static func countBelow(_ x: Double, in sorted: UnsafeBufferPointer<Double>) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < x { low = middle + 1 } else { high = middle }
    }
    return low
  }

  func checkConsistency() throws {
    let n = sortedColumns.first?.count ?? 0
    guard n > 0, sortedColumns.count == featureCount, skewSigns.count == featureCount,
      sortedColumns.allSatisfy({ $0.count == n })
    else { throw AnomalyError.invalidModel("\(rule.rawValue) columns disagree in length") }
  }
}
