import Foundation
import RiskMLCore

/// Fits a volatility model to one return series by (quasi) maximum likelihood.
///
/// The negative mean log-likelihood `-ll / n` is minimised with
/// `ConstrainedQuasiNewtonOptimizer` under the bounds and stationarity constraint of
/// `ParameterLayout.feasibleRegion`, from the best point of a small starting grid, with the
/// BHHH outer product of scores as the first Hessian. Gaussian GARCH(1,1) and GJR use the
/// analytic gradient of `GARCHGradient`; other models central differences. Standard errors
/// follow arch: `std_err` from the inverse of the numerical Hessian `H` of the total
/// log-likelihood, `robust_std_err` from the sandwich `H^-1 J H^-1` with `J = sum_t s_t s_t'`
/// the outer products of the per-observation scores (Bollerslev & Wooldridge 1992).
///
/// A value type with no shared state: `fit` may run on many threads at once.
/// - Complexity: O(n) per likelihood pass; a Gaussian GARCH(1,1) fit on 5,000 returns takes
///   about 10 iterations and 40 passes.
public struct VolatilityEstimator: Sendable {
  /// The model fitted.
  public var specification: VolatilitySpecification
  /// The optimiser and its convergence settings.
  public var optimizer: ConstrainedQuasiNewtonOptimizer

  public init(
    _ specification: VolatilitySpecification = VolatilitySpecification(),
    optimizer: ConstrainedQuasiNewtonOptimizer = ConstrainedQuasiNewtonOptimizer()
  ) {
    self.specification = specification
    self.optimizer = optimizer
  }

  /// The fewest observations accepted: `2 k + 10` for `k` parameters.
  public var minimumObservations: Int { 2 * ParameterLayout(specification).count + 10 }

  /// Fits the model to `returns` (in percent, ideally: see `ReturnScale`).
  ///
  /// - Throws: `VolatilityError` for a non-finite return, too few observations, a constant
  ///   series, or an invalid specification. Non-convergence is not thrown: the fit has
  ///   `isConverged == false` and a `message`.
  public func fit(_ returns: [Double]) throws(VolatilityError) -> VolatilityFit {
    try validate(returns)
    if case .ewma(let lambda) = specification.process {
      return EWMAVariance.fit(returns, lambda: lambda, specification: specification)
    }

    let n = returns.count
    let likelihood = VolatilityLikelihood(returns: returns, specification: specification)
    let layout = likelihood.layout
    let (mean, variance) = ReturnScale.moments(returns)
    let workspace = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
    defer { workspace.deallocate() }
    let logLikelihood = { (theta: [Double]) -> Double in
      likelihood.logLikelihood(theta, workspace: workspace)
    }

    let region = layout.feasibleRegion(variance: variance)
    let grid = layout.startingGrid(mean: mean, variance: variance)
      .filter { region.contains($0) }
    let scored = grid.map { ($0, logLikelihood($0)) }.filter { $0.1.isFinite }
    guard let start = scored.max(by: { $0.1 < $1.1 })?.0 else {
      return VolatilityFit.failed(
        specification, names: layout.names, count: n,
        message: "no starting value gives a finite likelihood")
    }

    let size = Double(n)
    let initialHessian = outerProductOfScores(likelihood, start, workspace)
    let result: OptimizationResult
    if likelihood.hasAnalyticGradient {
      result = optimizer.minimize(
        start: start, region: region, initialHessian: initialHessian
      ) { theta in
        let (ll, gradient) = likelihood.valueAndGradient(theta)
        return ll.isFinite ? (-ll / size, gradient.map { -$0 / size }) : (.infinity, [])
      }
    } else {
      result = optimizer.minimize(
        start: start, region: region, initialHessian: initialHessian
      ) { theta in
        let ll = logLikelihood(theta)
        return ll.isFinite ? -ll / size : .infinity
      }
    }
    let theta = result.x

    var conditionalVariance = [Double](repeating: .nan, count: n)
    let ll = conditionalVariance.withUnsafeMutableBufferPointer {
      likelihood.logLikelihood(theta, variance: $0.baseAddress, workspace: workspace)
    }
    let errors = StandardErrors(likelihood: likelihood, theta: theta, workspace: workspace)
    let mu = layout.mu.map { theta[$0] } ?? 0
    let isIdentified = errors.classic.contains { $0.isFinite }
    let isConverged = result.isConverged && ll.isFinite && isIdentified
    return VolatilityFit(
      specification: specification, parameterNames: layout.names, parameters: theta,
      standardErrors: errors.classic, robustStandardErrors: errors.robust,
      logLikelihood: ll, observationCount: n, isConverged: isConverged,
      message: isConverged
        ? result.message
        : isIdentified
          ? "not converged: \(result.message)"
          : Self.singularMessage(returns),
      conditionalVariance: conditionalVariance, residuals: returns.map { $0 - mu },
      iterations: result.iterations)
  }

  /// Why a fit whose Hessian is singular at the estimate is not trusted, with the rescaling
  /// that usually cures it.
  private static func singularMessage(_ returns: [Double]) -> String {
    var message =
      "the likelihood is flat at the estimate (the Hessian is singular, so no "
      + "standard errors): the fit cannot be trusted"
    if let factor = ReturnScale.recommendedFactor(returns) {
      message += "; the returns are poorly scaled: multiply them by \(factor)"
    }
    return message
  }

  /// The BHHH approximation `sum_t s_t s_t' / n` of the Hessian of `-ll / n` at `theta`
  /// (Berndt, Hall, Hall & Hausman 1974), with a small ridge: the optimiser's first `B`.
  private func outerProductOfScores(
    _ likelihood: VolatilityLikelihood, _ theta: [Double],
    _ workspace: UnsafeMutablePointer<Double>
  ) -> [Double]? {
    let k = theta.count
    let n = likelihood.returns.count
    var scores = [Double](repeating: 0, count: n * k)
    if likelihood.hasAnalyticGradient {
      _ = scores.withUnsafeMutableBufferPointer {
        likelihood.valueAndGradient(theta, scores: $0.baseAddress)
      }
    } else {
      StandardErrors.differenceScores(likelihood, theta, workspace, into: &scores)
    }
    var outer = [Double](repeating: 0, count: k * k)
    for t in 0..<n {
      for i in 0..<k {
        let si = scores[t * k + i]
        for j in 0..<k { outer[i * k + j] += si * scores[t * k + j] / Double(n) }
      }
    }
    let ridge = 1e-8 * (0..<k).reduce(0) { max($0, outer[$1 * k + $1]) }
    for i in 0..<k { outer[i * k + i] += ridge }
    return outer.allSatisfy(\.isFinite) && ridge > 0 ? outer : nil
  }

  private func validate(_ returns: [Double]) throws(VolatilityError) {
    switch specification.process {
    case .ewma(let lambda) where !(lambda > 0 && lambda < 1):
      throw .invalidSpecification("EWMA lambda must lie in (0, 1), got \(lambda)")
    case .garch(let p, let q) where p < 1 || q < 0:
      throw .invalidSpecification("GARCH orders need p >= 1 and q >= 0, got (\(p), \(q))")
    default:
      break
    }
    if let index = returns.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteReturn(index: index)
    }
    guard returns.count >= minimumObservations else {
      throw .tooFewObservations(count: returns.count, required: minimumObservations)
    }
    guard let first = returns.first, returns.contains(where: { $0 != first }) else {
      throw .constantSeries
    }
  }
}
