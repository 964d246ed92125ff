import RiskMLCore

extension PortfolioOptimizer {
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
      program.rows.append(
        SparseRow(
          indices: indices, values: values, lower: 0,
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
