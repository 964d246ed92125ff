import COpenBLAS

/// A primal-dual active-set method for quadratic programs whose optimum has few free
/// variables, the usual case of long-only portfolios.
///
/// Hintermueller, Ito and Kunisch ("The primal-dual active set strategy as a semismooth
/// Newton method", SIAM J. Optimization 13, 2003), extended to general inequality rows:
/// guess which bounds and rows are active, solve the equality-constrained problem on the
/// free variables (Cholesky of `Q_FF` and of the small Schur complement of the working
/// rows), then move variable `i` to its lower bound when `g_i - c (x_i - lo_i) > 0`
/// (with `g = Qx + c - A_W'nu` the bound multiplier), to its upper bound when
/// `-g_i - c (hi_i - x_i) > 0`, and make row `k` active when `nu_k - c (a_k'x - b_k) > 0`.
/// When the guess repeats, the KKT conditions hold.
///
/// The method is fast (a few iterations of O(f^3 + n^2), f free variables) but may cycle
/// or meet a singular system; then `solve` returns nil and the caller falls back to
/// `GoldfarbIdnaniSolver`, which also diagnoses infeasibility.
struct PrimalDualActiveSetSolver {
  var maxIterations = 40
  var kktTolerance = 1e-10

  private enum Status { case free, lower, upper }

  func solve(_ problem: QuadraticProgram) -> QuadraticProgramSolution? {
    let n = problem.dimension
    guard n > 0 else { return nil }
    let q = problem.hessian
    let rows = problem.equalities + problem.inequalities
    let me = problem.equalities.count
    let scale = max((0..<n).reduce(0) { $0 + q[$1, $1] } / Double(n), 1e-300)
    let threshold = 1e-13 * scale
    var status = [Status](repeating: .free, count: n)
    var isRowActive = [Bool](repeating: false, count: rows.count)
    for k in 0..<me { isRowActive[k] = true }

    for iteration in 1...maxIterations {
      let working = rows.indices.filter { isRowActive[$0] }
      guard
        let (x, nu) = solveWorkingSet(
          problem, status: status,
          working: working.map {
            rows[$0]
          })
      else { return nil }
      var g = q.multiplied(by: x)
      for i in 0..<n { g[i] += problem.linear[i] }
      var rowMultiplier = [Double](repeating: 0, count: rows.count)
      for (j, k) in working.enumerated() {
        rowMultiplier[k] = nu[j]
        let a = rows[k].coefficients
        for i in 0..<n where a[i] != 0 { g[i] -= nu[j] * a[i] }
      }

      var changed = false
      for i in 0..<n {
        var next = Status.free
        if problem.lower[i].isFinite && g[i] - scale * (x[i] - problem.lower[i]) > threshold {
          next = .lower
        } else if problem.upper[i].isFinite
          && -g[i] - scale * (problem.upper[i] - x[i]) > threshold
        {
          next = .upper
        }
        if next != status[i] {
          status[i] = next
          changed = true
        }
      }
      for k in me..<rows.count {
        let slack = cblas_ddot(Int32(n), rows[k].coefficients, 1, x, 1) - rows[k].bound
        let next = rowMultiplier[k] - scale * slack > threshold
        if next != isRowActive[k] {
          isRowActive[k] = next
          changed = true
        }
      }
      if !changed {
        return verified(
          problem, x: x, g: g, rowMultiplier: rowMultiplier,
          iterations: iteration)
      }
    }
    return nil
  }

  /// The KKT point for the working set, or nil when its system is singular.
  private func solveWorkingSet(
    _ problem: QuadraticProgram, status: [Status], working: [LinearConstraint]
  ) -> (x: [Double], nu: [Double])? {
    let n = problem.dimension
    var x = [Double](repeating: 0, count: n)
    var free: [Int] = []
    for i in 0..<n {
      switch status[i] {
      case .free: free.append(i)
      case .lower: x[i] = problem.lower[i]
      case .upper: x[i] = problem.upper[i]
      }
    }
    let f = free.count
    let m = working.count
    let qxb = problem.hessian.multiplied(by: x)
    var nu = [Double](repeating: 0, count: m)
    guard f > 0 else { return m == 0 ? (x, nu) : nil }

    var qff = [Double](repeating: 0, count: f * f)
    for (a, i) in free.enumerated() {
      for (b, j) in free.enumerated() { qff[a * f + b] = problem.hessian[i, j] }
    }
    let columns = m + 1
    var rhs = [Double](repeating: 0, count: f * columns)
    for (a, i) in free.enumerated() {
      for (k, row) in working.enumerated() { rhs[a * columns + k] = row.coefficients[i] }
      rhs[a * columns + m] = -problem.linear[i] - qxb[i]
    }
    let lower = Int8(UInt8(ascii: "L"))
    guard LAPACKE_dpotrf(LAPACK_ROW_MAJOR, lower, Int32(f), &qff, Int32(f)) == 0,
      LAPACKE_dpotrs(
        LAPACK_ROW_MAJOR, lower, Int32(f), Int32(columns), qff, Int32(f), &rhs,
        Int32(columns)) == 0
    else { return nil }

    if m > 0 {
      var schur = [Double](repeating: 0, count: m * m)
      for (k, row) in working.enumerated() {
        var value = row.bound
        for i in 0..<n where status[i] != .free { value -= row.coefficients[i] * x[i] }
        for (a, i) in free.enumerated() {
          let coefficient = row.coefficients[i]
          guard coefficient != 0 else { continue }
          value -= coefficient * rhs[a * columns + m]
          for l in 0..<m { schur[k * m + l] += coefficient * rhs[a * columns + l] }
        }
        nu[k] = value
      }
      guard LAPACKE_dpotrf(LAPACK_ROW_MAJOR, lower, Int32(m), &schur, Int32(m)) == 0,
        LAPACKE_dpotrs(LAPACK_ROW_MAJOR, lower, Int32(m), 1, schur, Int32(m), &nu, 1) == 0
      else { return nil }
    }
    for (a, i) in free.enumerated() {
      var value = rhs[a * columns + m]
      for k in 0..<m { value += rhs[a * columns + k] * nu[k] }
      x[i] = value
    }
    return (x, nu)
  }

  /// The solution when its KKT residual is within tolerance.
  private func verified(
    _ problem: QuadraticProgram, x: [Double], g: [Double], rowMultiplier: [Double],
    iterations: Int
  ) -> QuadraticProgramSolution? {
    let n = problem.dimension
    let lower = (0..<n).map { max(g[$0], 0) * (problem.lower[$0].isFinite ? 1 : 0) }
    let upper = (0..<n).map { max(-g[$0], 0) * (problem.upper[$0].isFinite ? 1 : 0) }
    let me = problem.equalities.count
    var multipliers = rowMultiplier
    multipliers += (0..<n).filter { problem.lower[$0].isFinite }.map { lower[$0] }
    multipliers += (0..<n).filter { problem.upper[$0].isFinite }.map { upper[$0] }
    let residual = ConstraintSet(problem).kktResidual(
      problem: problem, x: x, multipliers: multipliers)
    guard residual <= kktTolerance else { return nil }
    return QuadraticProgramSolution(
      x: x, objective: problem.objective(at: x),
      equalityMultipliers: Array(rowMultiplier[0..<me]),
      inequalityMultipliers: Array(rowMultiplier[me...]), lowerMultipliers: lower,
      upperMultipliers: upper, iterations: iterations, kktResidual: residual)
  }
}
