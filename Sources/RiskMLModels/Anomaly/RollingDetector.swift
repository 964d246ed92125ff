import Foundation
import RiskMLCore

// FIXME: each window's mean, median or ESD is recomputed from scratch (fine for daily
// series of a few thousand rows; running sums and an order-statistic tree would make it
// O(rows * log window) for long intraday series).
/// Scores each row of a date-ordered series against the `window` rows before it only,
/// so a nightly run never looks ahead (`riskml anomaly --by-date COLUMN --window N`).
///
/// Per feature j and row t >= window, with W the rows t - window ..< t:
/// - `zscore`: |x_tj - mean(W_j)| / sd(W_j) (sample sd, n - 1);
/// - `robustZscore`: |x_tj - median(W_j)| / (1.4826 MAD(W_j));
/// - `esd`: the generalised ESD test (Rosner, Technometrics 1983) on W_j plus x_tj with
///   at most `maxOutliers` outliers at level `alpha`; x_tj is anomalous when the test
///   declares it an outlier, and its term is max over steps i >= its removal step of
///   R_i / lambda_i (> 1 exactly when declared); if it is not removed within
///   `maxOutliers` steps the term is its own R / lambda at the next step, not a flag.
/// The row's score is the largest feature term. A zero scale gives a term of 0 when x
/// equals the centre and +infinity otherwise. Rows before the first full window get
/// `nil`. For z-scores a row is anomalous when its score exceeds `threshold` (3).
///
/// NaN policy: none accepted (`AnomalyError.nonFinite`).
/// - Complexity: O(rows * window * d) for z-scores, O(rows * window log window * d) for
///   MAD, O(rows * maxOutliers * window * d) for ESD.
public struct RollingDetector: Sendable, Equatable {
  public enum Method: String, Sendable, Codable, CaseIterable, Equatable {
    case zscore
    case robustZscore = "robust-zscore"
    case esd
  }

  /// One scored row.
  public struct RowScore: Sendable, Equatable {
    public let score: Double
    public let isAnomalous: Bool
    /// Feature indices by decreasing term.
    public let featureOrder: [Int]
  }

  public var method: Method
  public var window: Int
  public var threshold: Double
  public var alpha: Double
  /// ESD: the most outliers tested per window; `nil` means max(1, window / 10).
  public var maxOutliers: Int?

  public init(
    method: Method, window: Int, threshold: Double = 3, alpha: Double = 0.05,
    maxOutliers: Int? = nil
  ) {
    self.method = method
    self.window = window
    self.threshold = threshold
    self.alpha = alpha
    self.maxOutliers = maxOutliers
  }

  /// Scores every row of `series` (rows in date order); the first `window` rows get `nil`.
  ///
  /// - Throws: `AnomalyError.invalidParameter` for a window under 3 (ESD) or 2, or a bad
  ///   alpha; `.emptyInput`; `.nonFinite`.
  public func score(
    series: Matrix, threads: Int = AnomalyDefaults.threads
  ) throws
    -> [RowScore?]
  {
    guard window >= (method == .esd ? 3 : 2) else {
      throw AnomalyError.invalidParameter("the rolling window must be at least 2 (3 for esd)")
    }
    guard alpha > 0, alpha < 1 else { throw AnomalyError.invalidParameter("alpha in (0, 1)") }
    try FeatureCheck.validate(series)
    let esd =
      method == .esd
      ? GeneralizedESD(
        size: window + 1, maxOutliers: maxOutliers ?? max(1, window / 10),
        alpha: alpha)
      : nil
    let results = ConcurrentSlots<RowScore?>(count: series.rows)
    ParallelRows.forEachIndex(count: series.rows, threads: threads) { row in
      guard row >= window else { return results.store(nil, at: row) }
      var terms: [Double] = []
      var isAnomalous = false
      for j in 0..<series.columns {
        let history = ((row - window)..<row).map { series[$0, j] }
        let x = series[row, j]
        if let esd {
          let outcome = esd.test(history, candidate: x)
          terms.append(outcome.ratio)
          isAnomalous = isAnomalous || outcome.isOutlier
        } else {
          terms.append(term(x, history))
        }
      }
      let score = terms.max()!
      if esd == nil { isAnomalous = score > threshold }
      results.store(
        RowScore(
          score: score, isAnomalous: isAnomalous,
          featureOrder: FeatureCheck.topIndices(terms, count: terms.count)),
        at: row)
    }
    return results.values()
  }

  private func term(_ x: Double, _ history: [Double]) -> Double {
    let center: Double
    let scale: Double
    if method == .zscore {
      center = Summary.mean(history)
      scale = Summary.standardDeviation(history)
    } else {
      center = AnomalyThreshold.quantile(history.sorted(), 0.5)
      scale = 1.4826 * AnomalyThreshold.quantile(history.map { abs($0 - center) }.sorted(), 0.5)
    }
    let distance = abs(x - center)
    if scale > 0 { return distance / scale }
    return distance == 0 ? 0 : .infinity
  }
}
