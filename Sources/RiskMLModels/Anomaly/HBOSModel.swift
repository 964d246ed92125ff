import Foundation
import RiskMLCore

/// A fitted HBOS model: each feature's range and bin heights.
public struct HBOSModel: FittedAnomalyDetector, Equatable {
  public let low: [Double]
  public let high: [Double]
  public let heights: [[Double]]
  public let alpha: Double
  public let tolerance: Double

  public var featureCount: Int { low.count }

  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    let terms = try termMatrix(rows)
    return (0..<terms.rows).map { row in
      var total = 0.0
      for j in 0..<terms.columns { total += terms[row, j] }
      return total
    }
  }

  public func contributions(rows: Matrix) throws -> Matrix? {
    try termMatrix(rows)
  }

  private func termMatrix(_ rows: Matrix) throws -> Matrix {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    guard high.count == featureCount, heights.count == featureCount,
      heights.allSatisfy({ !$0.isEmpty })
    else { throw AnomalyError.invalidModel("hbos histograms are inconsistent") }
    var terms = Matrix(rows: rows.rows, columns: rows.columns)
    for index in rows.storage.indices {
      let j = index % rows.columns
      terms.storage[index] = -log(height(rows.storage[index], feature: j) + alpha)
    }
    return terms
  }

  private func height(_ x: Double, feature j: Int) -> Double {
    let bins = heights[j].count
    let width = (high[j] - low[j]) / Double(bins)
    if width == 0 { return x == low[j] ? 1 : 0 }
    if x < low[j] - tolerance * width || x > high[j] + tolerance * width { return 0 }
    return heights[j][HBOSModel.bin(x, low: low[j], high: high[j], bins: bins)]
  }

  /// The bin of `x` among `bins` equal bins on [low, high], clamped to the edge bins;
  /// the last bin is closed on the right, as numpy.histogram's.
  static func bin(_ x: Double, low: Double, high: Double, bins: Int) -> Int {
    guard high > low else { return 0 }
    let position = Int(((x - low) / (high - low) * Double(bins)).rounded(.down))
    return min(max(position, 0), bins - 1)
  }
}
