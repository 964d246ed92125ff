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
  func targetVolatility(_ target: Double) throws
    -> (weights: [Double], iterations: Int, kkt: Double)
  {
    let n = assets.count
    let minimum = try weights(of: builder.quadraticProgram(
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
    if target >= maximumVolatility { return (best.weights, minimum.iterations, 0) }

    var iterations = minimum.iterations
    func solve(_ delta: Double) throws -> (weights: [Double], iterations: Int, kkt: Double) {
      let result = try weights(of: builder.quadraticProgram(
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

  /// Minimum CVaR of the periodic loss `-r'w` at level `alpha` over the scenarios, by the
  /// linear program of Rockafellar and Uryasev ("Optimization of conditional
  /// value-at-risk", Journal of Risk 2, 2000):
  ///
  ///     min  zeta + 1 / ((1 - alpha) T) sum_t u_t
  ///     s.t. u_t >= -r_t'w - zeta,  u_t >= 0,  and the portfolio constraints,
  ///
  /// solved with GLPK's simplex (presolve on).
  func minimumCVaR(alpha: Double) throws -> (weights: [Double], iterations: Int) {
    let n = assets.count
    guard let scenarios, scenarios.columns == n, scenarios.rows > 0 else {
      throw PortfolioError.dimensionMismatch("min-cvar needs return scenarios for \(n) assets")
    }
    guard alpha > 0 && alpha < 1 else {
      throw PortfolioError.solverFailed("alpha must lie in (0, 1), got \(fmt(alpha))")
    }
    let t = scenarios.rows
    let m = builder.variableCount
    let tail = 1 / ((1 - alpha) * Double(t))
    var program = builder.linearProgram(
      objective: [Double](repeating: 0, count: m) + [1]
        + [Double](repeating: tail, count: t),
      extraLower: [-.infinity] + [Double](repeating: 0, count: t),
      extraUpper: [Double](repeating: .infinity, count: t + 1))
    for s in 0..<t {
      var indices: [Int] = []
      var values: [Double] = []
      for i in 0..<n where scenarios[s, i] != 0 {
        indices.append(i)
        values.append(scenarios[s, i])
      }
      indices += [m, m + 1 + s]
      values += [1, 1]
      program.rows.append(SparseRow(indices: indices, values: values, lower: 0,
                                    upper: .infinity))
    }
    switch GLPKSimplexSolver().solve(program) {
    case .optimal(let x, _, let iterations): return (Array(x[0..<n]), iterations)
    case .infeasible:
      throw PortfolioError.infeasibleConstraints("the bounds, groups and budget admit no weights")
    case .unbounded: throw PortfolioError.solverFailed("the CVaR linear program is unbounded")
    case .failed(let reason): throw PortfolioError.solverFailed(reason)
    }
  }
}
