/// Solves convex quadratic programs exactly: the primal-dual active-set method first
/// (fast when few variables are free at the optimum), the Goldfarb-Idnani dual method
/// when that does not settle or its KKT residual exceeds 1e-10.
///
///     let problem = QuadraticProgram(hessian: q, linear: c,
///                                    equalities: [LinearConstraint(coefficients: ones,
///                                                                  bound: 1)],
///                                    lower: zeros, upper: ones)
///     let solution = try QuadraticProgramSolver().solve(problem)
///
/// - Complexity: O(k (f^3 + n^2)) for k primal-dual iterations with f free variables;
///   otherwise that of `GoldfarbIdnaniSolver`.
public struct QuadraticProgramSolver: Sendable {
  /// A solver with default tolerances.
  public init() {}

  /// The minimiser with multipliers, iterations and KKT residual.
  ///
  /// - Throws: `QuadraticProgramError` (infeasible constraints, a Hessian that is not
  ///   positive definite, or the iteration limit), from the dual method.
  public func solve(_ problem: QuadraticProgram) throws -> QuadraticProgramSolution {
    if let solution = PrimalDualActiveSetSolver().solve(problem) { return solution }
    return try GoldfarbIdnaniSolver().solve(problem)
  }
}
