import RiskMLCore

/// The per-feature distance detectors: z-score, robust z-score and IQR (Tukey) distance.
///
/// Each feature j has a band [lower_j, upper_j] and a scale s_j; a cell's term is
/// max(0, lower_j - x, x - upper_j) / s_j and a row's score is the largest term.
/// - `zscore`: band = mean, s = sample standard deviation (n - 1), so the score is
///   max_j |x_j - mean_j| / sd_j.
/// - `robustZscore`: band = median, s = 1.4826 MAD (the normal-consistent median absolute
///   deviation, Rousseeuw and Croux 1993). If MAD is 0 on a feature that is not constant,
///   s = 1.2533 * mean absolute deviation from the median (sqrt(pi / 2), also consistent
///   at the normal).
/// - `iqr`: band = [Q1, Q3] (numpy linear quantiles), s = Q3 - Q1, so a score above 1.5 is
///   outside Tukey's fences. If the IQR is 0 on a feature that is not constant, s is the
///   sample standard deviation.
///
/// NaN policy: none accepted. A constant feature cannot be scaled and fitting throws
/// `AnomalyError.constantFeature` naming it (exclude the column instead).
/// - Complexity: fit O(d n log n), score O(rows * d).
public struct StatisticalDetector: AnomalyDetector, Equatable {
  /// Which centre and scale.
  public enum Kind: String, Sendable, Codable, Equatable {
    case zscore
    case robustZscore = "robust-zscore"
    case iqr
  }

  public var kind: Kind

  public init(kind: Kind) {
    self.kind = kind
  }

  public func fit(features: Matrix) throws -> StatisticalModel {
    try FeatureCheck.validate(features, minimumRows: 2)
    if let column = FeatureCheck.firstConstantColumn(features) {
      throw AnomalyError.constantFeature(feature: column, name: nil)
    }
    var lower: [Double] = []
    var upper: [Double] = []
    var scale: [Double] = []
    for j in 0..<features.columns {
      let column = features.column(j)
      let band = StatisticalDetector.band(kind, column)
      lower.append(band.lower)
      upper.append(band.upper)
      scale.append(band.scale)
    }
    return StatisticalModel(kind: kind, lower: lower, upper: upper, scale: scale)
  }

  static func band(
    _ kind: Kind, _ values: [Double]
  ) -> (lower: Double, upper: Double, scale: Double) {
    switch kind {
    case .zscore:
      let mean = Summary.mean(values)
      return (mean, mean, Summary.standardDeviation(values))
    case .robustZscore:
      let sorted = values.sorted()
      let median = AnomalyThreshold.quantile(sorted, 0.5)
      let deviations = values.map { abs($0 - median) }
      let mad = AnomalyThreshold.quantile(deviations.sorted(), 0.5)
      let scale = mad > 0 ? 1.4826 * mad : 1.2533 * Summary.mean(deviations)
      return (median, median, scale)
    case .iqr:
      let sorted = values.sorted()
      let q1 = AnomalyThreshold.quantile(sorted, 0.25)
      let q3 = AnomalyThreshold.quantile(sorted, 0.75)
      return (q1, q3, q3 > q1 ? q3 - q1 : Summary.standardDeviation(values))
    }
  }
}
