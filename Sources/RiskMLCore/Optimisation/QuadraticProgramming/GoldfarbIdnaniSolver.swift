import COpenBLAS

/// A dense dual active-set solver for strictly convex quadratic programs.
///
/// The method of Goldfarb and Idnani ("A numerically stable dual method for solving
/// strictly convex quadratic programs", Mathematical Programming 27, 1983): start at the
/// unconstrained minimiser `-Q^{-1}c`, then repeatedly add the most violated constraint,
/// taking full steps (the constraint becomes active) or partial steps (an active
/// constraint whose multiplier would turn negative is dropped). Every iterate is
/// dual feasible, so degenerate and bound-active optima need no special treatment, and a
/// violated constraint that cannot be added with any dual step proves infeasibility.
///
/// Linear algebra: `Q = LL'` once (LAPACK `dpotrf`, `dtrtri`); the factors `J = L^{-T}Q_1`
/// and `R` with `J'N = [R; 0]` for the active normals `N` are updated with one Householder
/// reflection (BLAS `dgemv` + `dger`) per added constraint and Givens rotations (`drot`)
/// per dropped one.
///
/// - Complexity: O(n^3) to factor `Q`, then O(n (n - q) + q^2) per added constraint and
///   O(n q) per dropped one, where `q` is the number of active constraints.
public struct GoldfarbIdnaniSolver: Sendable {
  /// Relative tolerance on a constraint's violation before it is added.
  public var feasibilityTolerance: Double
  /// Relative size below which the null-space part of a constraint normal counts as zero.
  public var dependenceTolerance: Double
  /// Upper bound on additions plus drops, as a multiple of variables plus constraints.
  public var iterationFactor: Int

  /// A solver with the given tolerances (the defaults suit portfolio problems).
  public init(
    feasibilityTolerance: Double = 1e-12, dependenceTolerance: Double = 1e-11,
    iterationFactor: Int = 20
  ) {
    self.feasibilityTolerance = feasibilityTolerance
    self.dependenceTolerance = dependenceTolerance
    self.iterationFactor = iterationFactor
  }

  /// Solves `problem`.
  ///
  /// - Throws: `QuadraticProgramError.infeasible` naming the constraint that could not be
  ///   satisfied and the active constraints it conflicts with;
  ///   `.hessianNotPositiveDefinite`; `.iterationLimit`.
  public func solve(_ problem: QuadraticProgram) throws -> QuadraticProgramSolution {
    var state = try DualActiveSet(problem: problem)
    let limit = iterationFactor * (problem.dimension + state.constraints.count + 1)

    for p in 0..<problem.equalities.count {
      try addConstraint(p, state: &state, isEquality: true, limit: limit)
    }
    while let p = mostViolated(state) {
      try addConstraint(p, state: &state, isEquality: false, limit: limit)
    }
    return state.solution()
  }

  /// The inactive inequality with the most negative scaled slack, if any is violated.
  private func mostViolated(_ state: DualActiveSet) -> Int? {
    var worst: Int?
    var worstSlack = 0.0
    let constraints = state.constraints
    for k in constraints.equalityCount..<constraints.count where !state.isActive[k] {
      let s = constraints.slack(k, at: state.x)
      let tolerance = feasibilityTolerance * (1 + abs(constraints.bound(k)))
      if s < -tolerance && s < worstSlack {
        worstSlack = s
        worst = k
      }
    }
    return worst
  }

  /// Step 2 of the dual method for constraint `p`: dual and primal steps until it is active.
  private func addConstraint(
    _ p: Int, state: inout DualActiveSet, isEquality: Bool, limit: Int
  ) throws {
    if isEquality && state.constraints.slack(p, at: state.x) > 0 {
      state.constraints.flipEquality(p)
    }
    var multiplier = 0.0
    while true {
      state.iterations += 1
      if state.iterations > limit { throw QuadraticProgramError.iterationLimit(limit) }
      let slack = state.constraints.slack(p, at: state.x)
      let step = state.directions(for: p)
      let dNorm = step.dNorm
      let isDependent = step.nullNorm <= dependenceTolerance * max(dNorm, 1e-300)

      var partial = Double.infinity
      var leaving = -1
      for j in 0..<state.active.count where !state.constraints.isEquality(state.active[j]) {
        if step.r[j] > 0 {
          let ratio = state.u[j] / step.r[j]
          if ratio < partial {
            partial = ratio
            leaving = j
          }
        }
      }
      var full = Double.infinity
      if !isDependent {
        let curvature = state.constraints.dot(p, step.z)
        if curvature > 0 { full = -slack / curvature }
      }

      if full == .infinity && partial == .infinity {
        let tolerance = feasibilityTolerance * (1 + abs(state.constraints.bound(p)))
        if isEquality && abs(slack) <= tolerance { return }
        let conflicting = (0..<state.active.count).filter { abs(step.r[$0]) > 1e-14 }
          .map { state.constraints.name(state.active[$0]) }
        throw QuadraticProgramError.infeasible(
          constraint: state.constraints.name(p), conflicting: conflicting)
      }
      let t = min(partial, full)
      if full < .infinity {
        for i in 0..<state.x.count { state.x[i] += t * step.z[i] }
      }
      for j in 0..<state.u.count { state.u[j] -= t * step.r[j] }
      multiplier += t
      if full <= partial {
        state.appendActive(p, multiplier: multiplier, d: step.d)
        return
      }
      state.removeActive(at: leaving)
    }
  }
}
