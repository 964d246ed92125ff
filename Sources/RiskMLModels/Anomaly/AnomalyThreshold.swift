/// How a fitted model decides that a score is anomalous: `score > threshold`.
///
/// With a contamination c the threshold is the (1 - c) quantile of the training scores
/// with linear interpolation between order statistics, the convention of
/// `np.percentile(scores, 100 * (1 - c))` used by PyOD's `threshold_` and scikit-learn's
/// `offset_`: sort the n scores, h = (1 - c)(n - 1), threshold = s[floor h] +
/// (h - floor h)(s[floor h + 1] - s[floor h]) (numpy's two-sided lerp, so the result
/// matches it to the last bit when h is the same double). A row is anomalous when its
/// score is strictly greater than the threshold, as in PyOD's `labels_`.
public enum AnomalyThreshold: Sendable, Equatable, Codable {
  /// The (1 - contamination) quantile of the training scores; contamination in (0, 0.5].
  case contamination(Double)
  /// A fixed score.
  case fixed(Double)

  /// The score above which rows are flagged, given the training scores.
  ///
  /// - Throws: `AnomalyError.invalidParameter` for a contamination outside (0, 0.5] or a
  ///   non-finite fixed threshold; `AnomalyError.emptyInput` without training scores.
  /// - Complexity: O(n log n).
  public func resolve(trainingScores: [Double]) throws -> Double {
    switch self {
    case let .fixed(value):
      guard value.isFinite else {
        throw AnomalyError.invalidParameter("the threshold must be a finite number")
      }
      return value
    case let .contamination(rate):
      guard rate > 0, rate <= 0.5 else {
        throw AnomalyError.invalidParameter("contamination must be in (0, 0.5], got \(rate)")
      }
      guard !trainingScores.isEmpty else { throw AnomalyError.emptyInput }
      return AnomalyThreshold.quantile(trainingScores.sorted(), 1 - rate)
    }
  }

  /// The q-quantile of ascending `sorted` values with linear interpolation (numpy's
  /// default "linear" method, including its lerp that is exact at both ends).
  public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    precondition(!sorted.isEmpty, "quantile of no values")
    let position = q * Double(sorted.count - 1)
    let lower = min(Int(position.rounded(.down)), sorted.count - 1)
    let upper = min(lower + 1, sorted.count - 1)
    let t = position - Double(lower)
    let a = sorted[lower]
    let b = sorted[upper]
    let difference = b - a
    return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
  }
}
