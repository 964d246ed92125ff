import RiskMLCore

/// A fitted z-score, robust z-score or IQR model; see `StatisticalDetector`.
public struct StatisticalModel: FittedAnomalyDetector, Equatable {
  public let kind: StatisticalDetector.Kind
  public let lower: [Double]
  public let upper: [Double]
  public let scale: [Double]

  public var featureCount: Int { scale.count }

  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    let terms = try termMatrix(rows)
    return (0..<terms.rows).map { row in
      var largest = 0.0
      for j in 0..<terms.columns { largest = max(largest, terms[row, j]) }
      return largest
    }
  }

  public func contributions(rows: Matrix) throws -> Matrix? {
    try termMatrix(rows)
  }

  private func termMatrix(_ rows: Matrix) throws -> Matrix {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    guard lower.count == scale.count, upper.count == scale.count,
      scale.allSatisfy({ $0 > 0 && $0.isFinite })
    else { throw AnomalyError.invalidModel("\(kind.rawValue) parameters are inconsistent") }
    var terms = Matrix(rows: rows.rows, columns: rows.columns)
    for index in rows.storage.indices {
      let j = index % rows.columns
      let x = rows.storage[index]
      terms.storage[index] = max(0, max(lower[j] - x, x - upper[j])) / scale[j]
    }
    return terms
  }
}
