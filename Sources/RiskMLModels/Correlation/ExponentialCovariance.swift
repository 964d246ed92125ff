import Foundation
import RiskMLCore

/// Exponentially weighted covariance in the RiskMetrics, pandas and PyPortfolioOpt
/// conventions.
///
/// Weights run from the oldest date (index 0) to the newest (index T - 1). Data must hold
/// no NaN.
public enum ExponentialCovariance {
  /// How the data are centred before the weighted cross products.
  public enum Centering: Sendable {
    /// Not at all (RiskMetrics: mean returns taken as zero).
    case none
    /// By the plain sample mean (PyPortfolioOpt `exp_cov`).
    case sampleMean
    /// By the weighted mean (pandas `ewm().cov()`).
    case weightedMean
  }

  /// pandas' `ewm(alpha:, adjust:)` weights for `count` dates.
  ///
  /// adjust true: w_t = (1 - alpha)^(T-1-t); adjust false: w_0 = (1 - alpha)^(T-1) and
  /// w_t = alpha (1 - alpha)^(T-1-t) for t >= 1 (the recursion y_t = (1-alpha) y_(t-1) +
  /// alpha x_t seeded with x_0). A span s means alpha = 2 / (s + 1).
  public static func pandasWeights(alpha: Double, adjust: Bool, count: Int) -> [Double] {
    (0..<count).map { t in
      let decay = pow(1 - alpha, Double(count - 1 - t))
      return adjust || t == 0 ? decay : alpha * decay
    }
  }

  /// The weighted covariance sum_t w_t (x_t - m)(x_t - m)^T / sum_t w_t.
  ///
  /// With `unbiased`, multiplied by (sum w)^2 / ((sum w)^2 - sum w^2), pandas' `bias=False`.
  /// - Complexity: O(T N^2 / 2) through `dsyrk` on rows scaled by sqrt(w_t).
  public static func weightedCovariance(
    _ x: Matrix, weights: [Double], centering: Centering, unbiased: Bool
  ) -> Matrix {
    precondition(weights.count == x.rows, "need one weight per date")
    let total = weights.reduce(0, +)
    var centered = x
    switch centering {
    case .none: break
    case .sampleMean: centered = x.centeredColumns()
    case .weightedMean:
      var means = [Double](repeating: 0, count: x.columns)
      for t in 0..<x.rows { for j in 0..<x.columns { means[j] += weights[t] * x[t, j] } }
      centered = x.subtractingFromColumns(means.map { $0 / total })
    }
    for t in 0..<x.rows {
      let root = weights[t].squareRoot()
      for j in 0..<x.columns { centered[t, j] *= root }
    }
    var factor = 1 / total
    if unbiased {
      let squares = weights.reduce(0) { $0 + $1 * $1 }
      factor *= total * total / (total * total - squares)
    }
    var result = centered.gram()
    for k in result.storage.indices { result.storage[k] *= factor }
    return result
  }

  /// The RiskMetrics (J.P. Morgan 1996) one-step-ahead covariance forecast.
  ///
  /// Sigma_0 = r_0 r_0^T, Sigma_t = lambda Sigma_(t-1) + (1 - lambda) r_(t-1) r_(t-1)^T, and
  /// the forecast after the last date is Sigma_T: returns are not demeaned and the weights
  /// are lambda^(T-1) on r_0 and (1 - lambda) lambda^(T-1-t) on r_t, t >= 1 (summing to 1).
  /// - Complexity: O(T N^2 / 2).
  public static func riskMetrics(_ x: Matrix, lambda: Double) -> Matrix {
    let weights = pandasWeights(alpha: 1 - lambda, adjust: false, count: x.rows)
    return weightedCovariance(x, weights: weights, centering: .none, unbiased: false)
  }

  /// The RiskMetrics variance path of one series and its next-period forecast.
  ///
  /// path[0] = r_0^2 and path[t] = lambda path[t-1] + (1 - lambda) r_(t-1)^2;
  /// forecast = lambda path[T-1] + (1 - lambda) r_(T-1)^2.
  public static func riskMetricsVariancePath(
    _ r: [Double], lambda: Double
  )
    -> (path: [Double], forecast: Double)
  {
    guard let first = r.first else { return ([], .nan) }
    var path = [first * first]
    for t in 1..<max(1, r.count) {
      path.append(lambda * path[t - 1] + (1 - lambda) * r[t - 1] * r[t - 1])
    }
    let last = r[r.count - 1]
    return (path, lambda * path[path.count - 1] + (1 - lambda) * last * last)
  }

  /// PyPortfolioOpt's `exp_cov(span:)` at frequency 1.
  ///
  /// Each pair's products of returns demeaned by their plain sample means, averaged with
  /// pandas' adjusted span weights (alpha = 2 / (span + 1)), last value.
  public static func pyPortfolioOpt(_ x: Matrix, span: Double) -> Matrix {
    let weights = pandasWeights(alpha: 2 / (span + 1), adjust: true, count: x.rows)
    return weightedCovariance(x, weights: weights, centering: .sampleMean, unbiased: false)
  }

  /// pandas' `ewm(alpha:, adjust:).cov()` at the last date (`bias=False`).
  public static func pandas(_ x: Matrix, alpha: Double, adjust: Bool) -> Matrix {
    let weights = pandasWeights(alpha: alpha, adjust: adjust, count: x.rows)
    return weightedCovariance(x, weights: weights, centering: .weightedMean, unbiased: true)
  }
}
