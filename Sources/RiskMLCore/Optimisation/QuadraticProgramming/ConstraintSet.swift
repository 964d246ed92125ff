import COpenBLAS

/// The constraints of a `QuadraticProgram` as one indexed list of normals `n_k` and
/// right-hand sides `b_k` with `n_k'x >= b_k` (or `=` for the leading equalities).
///
/// Order: equalities, general inequalities, finite lower bounds (`x_i >= lo_i`), finite
/// upper bounds (`-x_i >= -hi_i`). Bounds are kept as indices, so their products cost O(1).
struct ConstraintSet {
  enum Kind {
    case general(Int)
    case lower(Int)
    case upper(Int)
  }

  private var rows: [LinearConstraint]
  private var kinds: [Kind] = []
  private var sign: [Double] = []
  let equalityCount: Int
  let inequalityCount: Int
  let dimension: Int

  init(_ problem: QuadraticProgram) {
    rows = problem.equalities + problem.inequalities
    equalityCount = problem.equalities.count
    inequalityCount = problem.inequalities.count
    dimension = problem.dimension
    for k in rows.indices {
      kinds.append(.general(k))
      sign.append(1)
    }
    for i in 0..<dimension where problem.lower[i].isFinite {
      kinds.append(.lower(i))
      sign.append(1)
    }
    for i in 0..<dimension where problem.upper[i].isFinite {
      kinds.append(.upper(i))
      sign.append(1)
    }
    boundsLower = problem.lower
    boundsUpper = problem.upper
  }

  private let boundsLower: [Double]
  private let boundsUpper: [Double]

  var count: Int { kinds.count }

  func isEquality(_ k: Int) -> Bool { k < equalityCount }

  /// Reverses an equality's normal so that the current iterate violates it from below.
  mutating func flipEquality(_ k: Int) { sign[k] = -sign[k] }

  func bound(_ k: Int) -> Double {
    switch kinds[k] {
    case .general(let row): return sign[k] * rows[row].bound
    case .lower(let i): return boundsLower[i]
    case .upper(let i): return -boundsUpper[i]
    }
  }

  func name(_ k: Int) -> String {
    switch kinds[k] {
    case .general(let row):
      let label = rows[row].name
      if !label.isEmpty { return label }
      return row < equalityCount ? "equality \(row)" : "inequality \(row - equalityCount)"
    case .lower(let i): return "lower bound of variable \(i)"
    case .upper(let i): return "upper bound of variable \(i)"
    }
  }

  /// `n_k'v`.
  func dot(_ k: Int, _ v: [Double]) -> Double {
    switch kinds[k] {
    case .general(let row):
      return sign[k] * cblas_ddot(Int32(dimension), rows[row].coefficients, 1, v, 1)
    case .lower(let i): return v[i]
    case .upper(let i): return -v[i]
    }
  }

  /// `n_k'x - b_k`: negative when violated.
  func slack(_ k: Int, at x: [Double]) -> Double { dot(k, x) - bound(k) }

  /// `J'n_k`, with `jt` the row-major `J'`.
  func transformedNormal(_ k: Int, jt: [Double], n: Int) -> [Double] {
    var d = [Double](repeating: 0, count: n)
    switch kinds[k] {
    case .general(let row):
      cblas_dgemv(
        CblasRowMajor, CblasNoTrans, Int32(n), Int32(n), sign[k], jt, Int32(n),
        rows[row].coefficients, 1, 0, &d, 1)
    case .lower(let i):
      for j in 0..<n { d[j] = jt[j * n + i] }
    case .upper(let i):
      for j in 0..<n { d[j] = -jt[j * n + i] }
    }
    return d
  }

  /// Multipliers of the oriented constraints, split by kind and restored to the
  /// problem's own orientation (equalities `a'x = b`).
  func split(
    _ multipliers: [Double]
  )
    -> (equality: [Double], inequality: [Double], lower: [Double], upper: [Double])
  {
    var equality = [Double](repeating: 0, count: equalityCount)
    var inequality = [Double](repeating: 0, count: inequalityCount)
    var lower = [Double](repeating: 0, count: dimension)
    var upper = [Double](repeating: 0, count: dimension)
    for k in 0..<count {
      switch kinds[k] {
      case .general(let row):
        if row < equalityCount {
          equality[row] = sign[k] * multipliers[k]
        } else {
          inequality[row - equalityCount] = multipliers[k]
        }
      case .lower(let i): lower[i] = multipliers[k]
      case .upper(let i): upper[i] = multipliers[k]
      }
    }
    return (equality, inequality, lower, upper)
  }

  /// max of |Qx + c - sum_k u_k n_k|, equality residuals, inequality violations,
  /// negative inequality multipliers and |u_k s_k| (all as infinity norms).
  func kktResidual(problem: QuadraticProgram, x: [Double], multipliers: [Double]) -> Double {
    var gradient = problem.hessian.multiplied(by: x)
    for i in 0..<dimension { gradient[i] += problem.linear[i] }
    var worst = 0.0
    for k in 0..<count {
      let u = multipliers[k]
      let s = slack(k, at: x)
      if isEquality(k) {
        worst = max(worst, abs(s))
      } else {
        worst = max(worst, -s, -u, abs(u * s))
      }
      guard u != 0 else { continue }
      switch kinds[k] {
      case .general(let row):
        let a = rows[row].coefficients
        for i in 0..<dimension { gradient[i] -= u * sign[k] * a[i] }
      case .lower(let i): gradient[i] -= u
      case .upper(let i): gradient[i] += u
      }
    }
    return gradient.reduce(worst) { max($0, abs($1)) }
  }
}
