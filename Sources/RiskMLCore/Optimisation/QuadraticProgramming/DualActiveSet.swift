import COpenBLAS

/// The step directions of one dual-method iteration for a candidate constraint.
struct DualStep {
  /// `J'n_p`.
  var d: [Double]
  /// The primal direction `J_2 J_2' n_p`.
  var z: [Double]
  /// The dual direction `R^{-1} J_1' n_p`.
  var r: [Double]
  /// The norm of `d`, and of its part in the null space of the active normals.
  var dNorm: Double
  var nullNorm: Double
}

/// The factors and iterate of the Goldfarb-Idnani method.
///
/// `jt` holds `J'` row-major (so each column of `J` is a contiguous row), `r` the upper
/// triangular `R` (n x n storage, leading q x q used).
struct DualActiveSet {
  var constraints: ConstraintSet
  let problem: QuadraticProgram
  let n: Int
  var jt: [Double]
  var r: [Double]
  var x: [Double]
  var active: [Int] = []
  var u: [Double] = []
  var isActive: [Bool]
  var iterations = 0

  init(problem: QuadraticProgram) throws {
    self.problem = problem
    n = problem.dimension
    constraints = ConstraintSet(problem)
    isActive = Array(repeating: false, count: constraints.count)
    r = Array(repeating: 0, count: n * n)

    let factor: Matrix
    do { factor = try problem.hessian.cholesky() } catch {
      throw QuadraticProgramError.hessianNotPositiveDefinite
    }
    jt = factor.storage
    if n > 0 {
      let info = LAPACKE_dtrtri(
        LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")),
        Int8(UInt8(ascii: "N")), Int32(n), &jt, Int32(n))
      guard info == 0 else { throw QuadraticProgramError.hessianNotPositiveDefinite }
    }
    var y = [Double](repeating: 0, count: n)
    x = [Double](repeating: 0, count: n)
    if n > 0 {
      let ni = Int32(n)
      cblas_dgemv(CblasRowMajor, CblasNoTrans, ni, ni, 1, jt, ni, problem.linear, 1, 0, &y, 1)
      cblas_dgemv(CblasRowMajor, CblasTrans, ni, ni, -1, jt, ni, y, 1, 0, &x, 1)
    }
  }

  /// `d = J'n_p`, `z = J_2 d_2`, `r = R^{-1} d_1`.
  func directions(for p: Int) -> DualStep {
    let q = active.count
    let d = constraints.transformedNormal(p, jt: jt, n: n)
    var z = [Double](repeating: 0, count: n)
    if q < n {
      jt.withUnsafeBufferPointer { j in
        d.withUnsafeBufferPointer { dp in
          cblas_dgemv(
            CblasRowMajor, CblasTrans, Int32(n - q), Int32(n), 1,
            j.baseAddress! + q * n, Int32(n), dp.baseAddress! + q, 1, 0, &z, 1)
        }
      }
    }
    var rv = [Double](repeating: 0, count: q)
    for i in stride(from: q - 1, through: 0, by: -1) {
      var sum = d[i]
      for j in (i + 1)..<q { sum -= r[i * n + j] * rv[j] }
      rv[i] = sum / r[i * n + i]
    }
    var total = 0.0
    var null = 0.0
    for i in 0..<n {
      total += d[i] * d[i]
      if i >= q { null += d[i] * d[i] }
    }
    return DualStep(d: d, z: z, r: rv, dNorm: total.squareRoot(), nullNorm: null.squareRoot())
  }

  /// Makes constraint `p` active: one Householder reflection of `J_2` maps `d_2` onto its
  /// first axis, and `d_1` with the reflected length becomes R's new column.
  mutating func appendActive(_ p: Int, multiplier: Double, d: [Double]) {
    let q = active.count
    let m = n - q
    var v = Array(d[q..<n])
    let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let alpha = v[0] >= 0 ? -norm : norm
    v[0] -= alpha
    let vv = v.reduce(0) { $0 + $1 * $1 }
    if vv > 0 {
      var w = [Double](repeating: 0, count: n)
      let beta = 2 / vv
      jt.withUnsafeMutableBufferPointer { j in
        let base = j.baseAddress! + q * n
        cblas_dgemv(
          CblasRowMajor, CblasTrans, Int32(m), Int32(n), 1, base, Int32(n),
          v, 1, 0, &w, 1)
        cblas_dger(CblasRowMajor, Int32(m), Int32(n), -beta, v, 1, w, 1, base, Int32(n))
      }
    }
    for i in 0..<q { r[i * n + q] = d[i] }
    r[q * n + q] = vv > 0 ? alpha : d[q]
    active.append(p)
    u.append(multiplier)
    isActive[p] = true
  }

  /// Drops the active constraint at position `k`, restoring R's triangle with Givens
  /// rotations that are applied to the matching columns of `J` as well.
  mutating func removeActive(at k: Int) {
    let q = active.count
    isActive[active[k]] = false
    active.remove(at: k)
    u.remove(at: k)
    for col in k..<(q - 1) {
      for i in 0...(col + 1) { r[i * n + col] = r[i * n + col + 1] }
    }
    for i in 0..<q { r[i * n + q - 1] = 0 }
    for j in k..<(q - 1) {
      let a = r[j * n + j]
      let b = r[(j + 1) * n + j]
      let h = (a * a + b * b).squareRoot()
      guard h > 0 else { continue }
      let c = a / h
      let s = b / h
      for col in j..<(q - 1) {
        let x1 = r[j * n + col]
        let x2 = r[(j + 1) * n + col]
        r[j * n + col] = c * x1 + s * x2
        r[(j + 1) * n + col] = c * x2 - s * x1
      }
      jt.withUnsafeMutableBufferPointer { jp in
        let base = jp.baseAddress!
        cblas_drot(Int32(n), base + j * n, 1, base + (j + 1) * n, 1, c, s)
      }
    }
  }

  /// The solution with multipliers by constraint kind and the KKT residual.
  func solution() -> QuadraticProgramSolution {
    var multipliers = [Double](repeating: 0, count: constraints.count)
    for (j, k) in active.enumerated() { multipliers[k] = u[j] }
    let split = constraints.split(multipliers)
    let residual = constraints.kktResidual(problem: problem, x: x, multipliers: multipliers)
    return QuadraticProgramSolution(
      x: x, objective: problem.objective(at: x), equalityMultipliers: split.equality,
      inequalityMultipliers: split.inequality, lowerMultipliers: split.lower,
      upperMultipliers: split.upper, iterations: iterations, kktResidual: residual)
  }
}
