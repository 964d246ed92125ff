import RiskMLCore

/// Weights from a QP with its iteration count and KKT residual.
typealias QuadraticOutcome = (weights: [Double], iterations: Int, kkt: Double)

extension PortfolioOptimizer {
  /// The QP objectives: min-variance, mean-variance, target return, max-Sharpe and
  /// target volatility.
  func solveQuadratic(_ objective: PortfolioObjective) throws -> QuadraticOutcome {
    let n = assets.count
    let zero = [Double](repeating: 0, count: n)
    switch objective {
    case .meanVariance(let delta):
      guard delta > 0 else {
        throw PortfolioError.solverFailed("risk aversion must be positive, got \(fmt(delta))")
      }
      return try weights(
        of: builder.quadraticProgram(
          covariance: covariance, scale: delta, linear: expectedReturns.map { -$0 }))
    case .targetReturn(let target):
      guard let best = builder.extremeReturn(expectedReturns, maximise: true),
        let worst = builder.extremeReturn(expectedReturns, maximise: false)
      else {
        return try weights(of: builder.quadraticProgram(covariance: covariance, linear: zero))
      }
      if target > best.value + 1e-12 {
        throw PortfolioError.targetReturnUnattainable(
          target: target, minimum: worst.value, maximum: best.value)
      }
      let row = LinearConstraint(
        coefficients: expectedReturns, bound: target,
        name: "target return \(fmt(target))")
      return try weights(
        of: builder.quadraticProgram(
          covariance: covariance, linear: zero, extra: [row]))
    case .maxSharpe(let rf):
      return try maxSharpe(riskFree: rf)
    case .targetVolatility(let target):
      return try targetVolatility(target)
    default:
      return try weights(of: builder.quadraticProgram(covariance: covariance, linear: zero))
    }
  }

  /// The weights (first n variables) of a solved QP.
  func weights(of problem: QuadraticProgram) throws -> QuadraticOutcome {
    let solution = try solve(problem)
    return (Array(solution.x[0..<assets.count]), solution.iterations, solution.kktResidual)
  }

  /// Max-Sharpe through the homogenised QP (Cornuejols and Tutuncu, "Optimization Methods
  /// in Finance", 2007, section 8.2; as in PyPortfolioOpt): with `y = k w`, `k > 0`,
  ///
  ///     min 1/2 y'Sy  s.t.  (mu - rf)'y = 1,  a'y >= b (1'y) for each a'w >= b,
  ///
  /// then `w = y / 1'y`. Every constraint becomes homogeneous because the budget fixes
  /// `k = 1'y`.
  func maxSharpe(riskFree rf: Double) throws -> QuadraticOutcome {
    let n = assets.count
    let b = builder
    if let best = b.extremeReturn(expectedReturns, maximise: true), best.value <= rf {
      throw PortfolioError.noReturnAboveRiskFree(riskFree: rf, bestAttainable: best.value)
    }
    let base = b.quadraticProgram(
      covariance: covariance, linear: [Double](repeating: 0, count: n))
    let m = base.dimension
    let budget = (0..<m).map { $0 < n ? 1.0 : 0.0 }
    func homogenised(_ row: LinearConstraint) -> LinearConstraint {
      LinearConstraint(
        coefficients: zip(row.coefficients, budget).map { $0 - row.bound * $1 }, bound: 0,
        name: row.name)
    }
    var inequalities = base.inequalities.map(homogenised)
    var lower = base.lower
    var upper = base.upper
    let isLongOnly = constraints.lower.allSatisfy { $0 >= 0 }
    for i in 0..<n {
      var unit = [Double](repeating: 0, count: m)
      unit[i] = 1
      if lower[i].isFinite && lower[i] != 0 {
        inequalities.append(
          homogenised(
            LinearConstraint(
              coefficients: unit, bound: lower[i], name: "lower bound of variable \(i)")))
        lower[i] = -.infinity
      }
      if upper[i].isFinite && !(isLongOnly && upper[i] >= 1) {
        inequalities.append(
          homogenised(
            LinearConstraint(
              coefficients: unit.map { -$0 }, bound: -upper[i],
              name: "upper bound of variable \(i)")))
      }
      upper[i] = .infinity
    }
    if !isLongOnly {
      inequalities.append(LinearConstraint(coefficients: budget, bound: 0, name: "budget"))
    }
    let excess = (0..<m).map { $0 < n ? expectedReturns[$0] - rf : 0 }
    let problem = QuadraticProgram(
      hessian: base.hessian, linear: base.linear,
      equalities: [LinearConstraint(coefficients: excess, bound: 1, name: "excess return")],
      inequalities: inequalities, lower: lower, upper: upper)
    let solution = try solve(problem)
    let k = solution.x[0..<n].reduce(0, +)
    guard k > 0 else { throw PortfolioError.solverFailed("max-sharpe scale is not positive") }
    return (solution.x[0..<n].map { $0 / k }, solution.iterations, solution.kktResidual)
  }
}
