import Foundation
import RiskMLCore

// FIXME: no reference test against PyOD's HBOS; only ranking behaviour is tested.
/// Histogram-based outlier score (Goldstein and Dengel, KI 2012), with PyOD's static-bin
/// variant: per feature, `bins` equal-width bins over the training range.
///
/// A bin's height is its density count / (n * width). A cell's term is
/// -ln(height(x) + alpha); a value outside the range by at most `tolerance` bin widths
/// takes the edge bin's height, farther out the height is 0. The score is the sum of the
/// terms. A constant feature adds -ln(1 + alpha) to values equal to it and -ln(alpha) to
/// others.
///
/// Not bit-compatible with PyOD's `HBOS` (edge handling differs in detail).
/// NaN policy: none accepted. - Complexity: fit O(n d), score O(rows * d).
public struct HBOSDetector: AnomalyDetector, Equatable {
  public var bins: Int
  public var alpha: Double
  public var tolerance: Double

  public init(bins: Int = 10, alpha: Double = 0.1, tolerance: Double = 0.5) {
    self.bins = bins
    self.alpha = alpha
    self.tolerance = tolerance
  }

  public func fit(features: Matrix) throws -> HBOSModel {
    guard bins > 0, alpha > 0 else {
      throw AnomalyError.invalidParameter("hbos needs bins > 0 and alpha > 0")
    }
    try FeatureCheck.validate(features, minimumRows: 2)
    var lows: [Double] = []
    var highs: [Double] = []
    var heights: [[Double]] = []
    for j in 0..<features.columns {
      let column = features.column(j)
      let low = column.min()!
      let high = column.max()!
      var counts = [Double](repeating: 0, count: bins)
      for x in column { counts[HBOSModel.bin(x, low: low, high: high, bins: bins)] += 1 }
      let width = (high - low) / Double(bins)
      let n = Double(column.count)
      heights.append(counts.map { width > 0 ? $0 / (n * width) : 1 })
      lows.append(low)
      highs.append(high)
    }
    return HBOSModel(
      low: lows, high: highs, heights: heights, alpha: alpha, tolerance: tolerance)
  }
}

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
