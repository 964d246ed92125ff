import Foundation
import Testing

@testable import RiskMLCore

@Suite struct GoldfarbIdnaniSolverTests {
  let solver = GoldfarbIdnaniSolver()

  private func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-10) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
  }

  @Test func unconstrainedQuadratic() throws {
    let problem = QuadraticProgram(hessian: Matrix([[2, 0], [0, 4]]), linear: [-2, -4])
    let solution = try solver.solve(problem)
    #expect(close(solution.x, [1, 1]))
    #expect(abs(solution.objective + 3) < 1e-12)
    #expect(solution.kktResidual < 1e-10)
  }

  @Test func boundActiveOptimum() throws {
    let problem = QuadraticProgram(
      hessian: Matrix([[2, 0], [0, 2]]), linear: [-4, -4], upper: [1, 1])
    let solution = try solver.solve(problem)
    #expect(close(solution.x, [1, 1]))
    #expect(close(solution.upperMultipliers, [2, 2]))
    #expect(solution.kktResidual < 1e-10)
  }

  @Test func equalityAndInequalityWithKnownAnswer() throws {
    // min |x|^2 s.t. sum x = 1, x0 >= 0.5: x = (0.5, 0.25, 0.25), multipliers 0.5 and 0.5.
    let problem = QuadraticProgram(
      hessian: Matrix([[2, 0, 0], [0, 2, 0], [0, 0, 2]]), linear: [0, 0, 0],
      equalities: [LinearConstraint(coefficients: [1, 1, 1], bound: 1, name: "budget")],
      inequalities: [LinearConstraint(coefficients: [1, 0, 0], bound: 0.5)])
    let solution = try solver.solve(problem)
    #expect(close(solution.x, [0.5, 0.25, 0.25]))
    #expect(close(solution.equalityMultipliers, [0.5]))
    #expect(close(solution.inequalityMultipliers, [0.5]))
    #expect(solution.kktResidual < 1e-10)
  }

  @Test func infeasibleProblemNamesConflict() {
    let problem = QuadraticProgram(
      hessian: Matrix([[1, 0], [0, 1]]), linear: [0, 0],
      equalities: [LinearConstraint(coefficients: [1, 1], bound: 1, name: "budget")],
      lower: [0.7, 0.7])
    #expect(throws: QuadraticProgramError.self) { try solver.solve(problem) }
    do {
      _ = try solver.solve(problem)
    } catch let error as QuadraticProgramError {
      guard case .infeasible(_, let conflicting) = error else {
        Issue.record("expected infeasible, got \(error)")
        return
      }
      #expect(conflicting.contains("budget"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func degenerateVertexWithRedundantConstraints() throws {
    // Three constraints meet at (0.5, 0.5); a duplicated equality is redundant.
    let problem = QuadraticProgram(
      hessian: Matrix([[2, 0], [0, 2]]), linear: [-2, -2],
      equalities: [
        LinearConstraint(coefficients: [1, -1], bound: 0),
        LinearConstraint(coefficients: [2, -2], bound: 0),
      ],
      inequalities: [LinearConstraint(coefficients: [-1, -1], bound: -1)],
      upper: [0.5, 0.5])
    let solution = try solver.solve(problem)
    #expect(close(solution.x, [0.5, 0.5]))
    #expect(solution.kktResidual < 1e-10)
  }

  @Test func randomLongOnlyMinimumVarianceSatisfiesKKT() throws {
    var generator = SplitMix(seed: 7)
    let n = 60
    let t = 120
    var data = Matrix(rows: t, columns: n)
    for i in 0..<t {
      let market = generator.normal()
      for j in 0..<n { data[i, j] = 0.5 * market + generator.normal() }
    }
    var covariance = data.transposed.multiplied(by: data)
    for k in covariance.storage.indices { covariance.storage[k] /= Double(t) }
    let problem = QuadraticProgram(
      hessian: covariance, linear: Array(repeating: 0, count: n),
      equalities: [LinearConstraint(coefficients: Array(repeating: 1, count: n), bound: 1)],
      lower: Array(repeating: 0, count: n), upper: Array(repeating: 0.1, count: n))
    let solution = try solver.solve(problem)
    #expect(solution.kktResidual < 1e-10)
    #expect(abs(solution.x.reduce(0, +) - 1) < 1e-12)
  }
}

/// A small deterministic generator for test data (SplitMix64 and Box-Muller).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

  mutating func normal() -> Double {
    let u = max(uniform(), 1e-300)
    let v = uniform()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}
