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
