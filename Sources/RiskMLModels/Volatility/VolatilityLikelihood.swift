import Foundation
import RiskMLCore

/// The log-likelihood of one return series under one specification, as a function of the
/// parameter vector. A value type holding the data: each fit owns its own, so fits on
/// different threads share nothing mutable.
struct VolatilityLikelihood: Sendable {
  let returns: [Double]
  let layout: ParameterLayout
  let initialisation: VarianceInitialisation
  /// arch's backcast from the residuals at the starting mean, used with `.backcast`.
  let fixedBackcast: Double

  init(returns: [Double], specification: VolatilitySpecification) {
    self.returns = returns
    self.layout = ParameterLayout(specification)
    self.initialisation = specification.initialisation
    let start = layout.hasMean ? returns.reduce(0, +) / Double(returns.count) : 0
    self.fixedBackcast = VolatilityLikelihood.backcast(returns, mean: start)
  }

  /// arch's backcast: `sum_{i<tau} 0.94^i (y_i - mean)^2 / sum_{i<tau} 0.94^i`,
  /// `tau = min(75, n)` (arch `VolatilityProcess.backcast`).
  static func backcast(_ y: [Double], mean: Double) -> Double {
    var weight = 1.0
    var weightSum = 0.0
    var total = 0.0
    for i in 0..<min(75, y.count) {
      let e = y[i] - mean
      total += weight * e * e
      weightSum += weight
      weight *= 0.94
    }
    return total / weightSum
  }

  /// The pre-sample value `b` at mean `mu`.
  func presample(mu: Double) -> Double {
    switch initialisation {
    case .backcast:
      return fixedBackcast
    case .unconditional:
      var total = 0.0
      for y in returns { total += (y - mu) * (y - mu) }
      return total / Double(returns.count)
    }
  }

  /// The total log-likelihood at `theta`.
  ///
  /// - Parameters:
  ///   - variance: receives the `n` conditional variances when given.
  ///   - contributions: receives the `n` per-observation log-likelihoods when given.
  ///   - workspace: `2 n` doubles, needed only for GARCH(p, q) beyond (1, 1).
  func logLikelihood(
    _ theta: [Double], variance: UnsafeMutablePointer<Double>? = nil,
    contributions: UnsafeMutablePointer<Double>? = nil,
    workspace: UnsafeMutablePointer<Double>? = nil
  ) -> Double {
    switch layout.distribution {
    case .normal:
      if contributions == nil && !layout.isExponential && layout.p == 1 && layout.q == 1 {
        let mu = layout.mu.map { theta[$0] } ?? 0
        let b = presample(mu: mu)
        return returns.withUnsafeBufferPointer { y in
          VarianceRecursions.garch11NormalValue(
            y, mu: mu, omega: theta[layout.omega], alpha: theta[layout.alpha],
            gamma: layout.o > 0 ? theta[layout.gamma] : 0, beta: theta[layout.beta],
            backcast: b, variance: variance)
        }
      }
      return pass(theta, NormalDensity(), variance, contributions, workspace)
    case .studentT:
      let nu = theta[layout.nu!]
      guard nu > 2 else { return -.infinity }
      return pass(theta, StudentTDensity(nu: nu), variance, contributions, workspace)
    case .skewedT:
      let nu = theta[layout.nu!]
      let lambda = theta[layout.lambda!]
      guard nu > 2, abs(lambda) < 1 else { return -.infinity }
      let density = SkewedTDensity(nu: nu, lambda: lambda)
      guard density.b.isFinite, density.b > 0 else { return -.infinity }
      return pass(theta, density, variance, contributions, workspace)
    }
  }

  @inline(__always)
  private func pass<D: InnovationDensity>(
    _ theta: [Double], _ density: D, _ variance: UnsafeMutablePointer<Double>?,
    _ contributions: UnsafeMutablePointer<Double>?, _ workspace: UnsafeMutablePointer<Double>?
  ) -> Double {
    let mu = layout.mu.map { theta[$0] } ?? 0
    let b = presample(mu: mu)
    let omega = theta[layout.omega]
    let gamma = layout.o > 0 ? theta[layout.gamma] : 0
    return returns.withUnsafeBufferPointer { y -> Double in
      if layout.isExponential {
        return VarianceRecursions.egarch11(
          y, mu: mu, omega: omega, alpha: theta[layout.alpha], gamma: gamma,
          beta: theta[layout.beta], backcast: b, density: density, variance: variance,
          contributions: contributions)
      }
      if layout.p == 1 && layout.q == 1 {
        return VarianceRecursions.garch11(
          y, mu: mu, omega: omega, alpha: theta[layout.alpha], gamma: gamma,
          beta: theta[layout.beta], backcast: b, density: density, variance: variance,
          contributions: contributions)
      }
      guard let workspace else { preconditionFailure("GARCH(p, q) needs a workspace") }
      return VarianceRecursions.garchPQ(
        y, mu: mu, omega: omega, alpha: theta[layout.alpha..<layout.alpha + layout.p],
        gamma: gamma, beta: theta[layout.beta..<layout.beta + layout.q], backcast: b,
        density: density, workspace: workspace, variance: variance,
        contributions: contributions)
    }
  }
}
