import RiskMLCore

extension PortfolioOptimizer {
  /// Max-return subject to `sqrt(w'Sw) <= target`, by bisection on the risk aversion of
  /// mean-variance.
  ///
  /// The mean-variance optimum's volatility falls continuously as the risk aversion
  /// `delta` grows (from the max-return portfolio towards the minimum-variance one), and
  /// at the `delta` where it equals the target, the KKT conditions of mean-variance are
  /// those of the volatility-constrained problem with multiplier `delta / 2`. So: bracket
  /// `delta` by factors of 10, then bisect `log delta` until the volatility is within
  /// 1e-10 (relative) of the target. Each step is one QP.
  // FIXME: bisection costs 40-80 QP solves; a parametric active-set sweep would need one.
  func targetVolatility(_ target: Double) throws -> QuadraticOutcome {
    let n = assets.count
    let minimum = try weights(
      of: builder.quadraticProgram(
        covariance: covariance, linear: [Double](repeating: 0, count: n)))
    let minimumVolatility = volatility(minimum.weights)
    guard let best = builder.extremeReturn(expectedReturns, maximise: true) else {
      return minimum
    }
    let maximumVolatility = max(volatility(best.weights), minimumVolatility)
    if target < minimumVolatility * (1 - 1e-9) {
      throw PortfolioError.targetVolatilityUnattainable(
        target: target, minimum: minimumVolatility, maximum: maximumVolatility)
    }
    if target >= maximumVolatility {
      return (best.weights, minimum.iterations, .nan)
    }

    var iterations = minimum.iterations
    func solve(_ delta: Double) throws -> QuadraticOutcome {
      let result = try weights(
        of: builder.quadraticProgram(
          covariance: covariance, scale: delta, linear: expectedReturns.map { -$0 }))
      iterations += result.iterations
      return result
    }
    var high = 1.0
    var highResult = try solve(high)
    while volatility(highResult.weights) > target && high < 1e12 {
      high *= 10
      highResult = try solve(high)
    }
    var low = high / 10
    while try volatility(solve(low).weights) < target && low > 1e-12 { low /= 10 }
    var result = highResult
    for _ in 0..<200 {
      let middle = (low * high).squareRoot()
      result = try solve(middle)
      let gap = volatility(result.weights) - target
      if abs(gap) <= 1e-10 * target { break }
      if gap > 0 { low = middle } else { high = middle }
    }
    return (result.weights, iterations, result.kkt)
  }

  /// `sqrt(w'Sw)`.
  func volatility(_ w: [Double]) -> Double {
    let sw = covariance.multiplied(by: w)
    return max(zip(w, sw).reduce(0) { $0 + $1.0 * $1.1 }, 0).squareRoot()
  }
}
