import Testing

@testable import RiskMLCore

@Suite struct PrimalDualActiveSetSolverTests {
  static func minimumVarianceProblem(n: Int, upper: Double) -> QuadraticProgram {
    var generator = SplitMix(seed: 11)
    let t = 2 * n
    var data = Matrix(rows: t, columns: n)
    for i in 0..<t {
      let market = generator.normal()
      for j in 0..<n { data[i, j] = (0.3 + generator.uniform()) * market + generator.normal() }
    }
    var covariance = data.transposed.multiplied(by: data)
    for k in covariance.storage.indices { covariance.storage[k] /= Double(t) }
    return QuadraticProgram(
      hessian: covariance, linear: Array(repeating: 0, count: n),
      equalities: [LinearConstraint(coefficients: Array(repeating: 1, count: n), bound: 1)],
      lower: Array(repeating: 0, count: n), upper: Array(repeating: upper, count: n))
  }

  @Test(arguments: [1.0, 0.05])
  func agreesWithDualMethodOnLongOnlyMinimumVariance(upper: Double) throws {
    let problem = Self.minimumVarianceProblem(n: 80, upper: upper)
    let fast = try #require(PrimalDualActiveSetSolver().solve(problem))
    let dual = try GoldfarbIdnaniSolver().solve(problem)
    #expect(fast.kktResidual < 1e-10)
    for (a, b) in zip(fast.x, dual.x) { #expect(abs(a - b) < 1e-9) }
  }

  @Test func handlesGeneralInequalityRows() throws {
    // min |x|^2 s.t. sum x = 1, x0 >= 0.5 (as a row): x = (0.5, 0.25, 0.25).
    let problem = QuadraticProgram(
      hessian: Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2]]), linear: [0, 0, 0],
      equalities: [LinearConstraint(coefficients: [1, 1, 1], bound: 1)],
      inequalities: [LinearConstraint(coefficients: [1, 0, 0], bound: 0.5)])
    let solution = try #require(PrimalDualActiveSetSolver().solve(problem))
    for (a, b) in zip(solution.x, [0.5, 0.25, 0.25]) { #expect(abs(a - b) < 1e-12) }
    #expect(abs(solution.inequalityMultipliers[0] - 0.5) < 1e-12)
  }

  @Test func infeasibleProblemFallsBackToDualDiagnosis() {
    let problem = QuadraticProgram(
      hessian: Matrix([[1, 0], [0, 1]]), linear: [0, 0],
      equalities: [LinearConstraint(coefficients: [1, 1], bound: 1, name: "budget")],
      lower: [0.7, 0.7])
    #expect(PrimalDualActiveSetSolver().solve(problem) == nil)
    #expect(throws: QuadraticProgramError.self) { try QuadraticProgramSolver().solve(problem) }
  }
}
