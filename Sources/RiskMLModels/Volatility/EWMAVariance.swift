import Foundation

/// RiskMetrics exponentially weighted variance (J.P. Morgan, *RiskMetrics Technical
/// Document*, 4th ed., 1996, section 5.2):
/// `s2_t = lambda s2_{t-1} + (1 - lambda) r_{t-1}^2`, nothing estimated.
public enum EWMAVariance {
  /// The variance path `s2_0 ... s2_{n-1}` where `s2_t` uses returns before `t` only.
  ///
  /// - Parameters:
  ///   - returns: residuals (already demeaned if wanted).
  ///   - lambda: the decay, in (0, 1); RiskMetrics uses 0.94 for daily data.
  ///   - initialVariance: `s2_0`; `nil` seeds it with the first squared return `r_0^2`
  ///     (the convention of the riskml covariance reference).
  /// - Complexity: O(n).
  public static func path(
    _ returns: [Double], lambda: Double = 0.94, initialVariance: Double? = nil
  ) -> [Double] {
    guard let first = returns.first else { return [] }
    var path = [Double](repeating: 0, count: returns.count)
    var s2 = initialVariance ?? first * first
    path[0] = s2
    for t in 1..<max(returns.count, 1) {
      s2 = lambda * s2 + (1 - lambda) * returns[t - 1] * returns[t - 1]
      path[t] = s2
    }
    return path
  }

  /// The next-period variance after the last return: `lambda s2_{n-1} + (1-lambda) r_{n-1}^2`.
  public static func nextVariance(_ returns: [Double], path: [Double], lambda: Double) -> Double {
    guard let r = returns.last, let s2 = path.last else { return .nan }
    return lambda * s2 + (1 - lambda) * r * r
  }

  /// An EWMA "fit": the mean (sample mean, or zero), the path started from the
  /// specification's initialisation (arch's backcast, or the mean squared residual), and
  /// the Gaussian log-likelihood of that path for comparison with fitted models. The only
  /// reported parameters are `mu` (with a constant mean) and `lambda`, neither estimated
  /// by maximum likelihood, so their standard errors are NaN.
  static func fit(
    _ returns: [Double], lambda: Double, specification: VolatilitySpecification
  ) -> VolatilityFit {
    let n = returns.count
    let mu = specification.mean == .constant ? returns.reduce(0, +) / Double(n) : 0
    let residuals = returns.map { $0 - mu }
    let initial: Double
    switch specification.initialisation {
    case .backcast: initial = VolatilityLikelihood.backcast(returns, mean: mu)
    case .unconditional: initial = residuals.reduce(0) { $0 + $1 * $1 } / Double(n)
    }
    let variance = path(residuals, lambda: lambda, initialVariance: initial)
    var ll = 0.0
    let density = NormalDensity()
    for t in 0..<n { ll += density.logDensity(residual: residuals[t], variance: variance[t]) }
    let names = specification.mean == .constant ? ["mu", "lambda"] : ["lambda"]
    let values = specification.mean == .constant ? [mu, lambda] : [lambda]
    let nans = [Double](repeating: .nan, count: names.count)
    return VolatilityFit(
      specification: specification, parameterNames: names, parameters: values,
      standardErrors: nans, robustStandardErrors: nans, logLikelihood: ll,
      observationCount: n, isConverged: true, message: "EWMA: nothing to estimate",
      conditionalVariance: variance, residuals: residuals, iterations: 0)
  }
}
