/// The optimiser's iterate and working set of active constraints.
struct ActiveSetState {
  let region: FeasibleRegion
  let rows: [ConstraintRow]
  let n: Int
  var x: [Double]
  var working: [Int] = []

  init(region: FeasibleRegion, start: [Double]) {
    self.region = region
    self.rows = region.rows()
    self.n = region.dimension
    self.x = zip(start, zip(region.lower, region.upper)).map { min(max($0, $1.0), $1.1) }
    for (index, row) in rows.enumerated() where row.slack(x) >= -1e-12 * (1 + abs(row.b)) {
      activate(index)
    }
  }

  /// Adds a constraint to the working set unless its normal depends linearly on those
  /// already active; a bound sets its parameter exactly.
  mutating func activate(_ index: Int) {
    guard !working.contains(index) else { return }
    let row = rows[index]
    if let j = row.boundIndex { x[j] = row.boundValue }
    if !working.isEmpty {
      let lambda = leastSquaresMultipliers(row.a.map { -$0 })
      var residual = row.a
      for (k, w) in working.enumerated() {
        for i in 0..<n { residual[i] += lambda[k] * rows[w].a[i] }
      }
      let size = row.a.reduce(0) { max($0, abs($1)) }
      guard residual.reduce(0, { max($0, abs($1)) }) > 1e-10 * size else { return }
    }
    working.append(index)
  }

  /// `lambda` minimising `|g + A' lambda|` over the working rows `A`.
  func leastSquaresMultipliers(_ g: [Double]) -> [Double] {
    let m = working.count
    guard m > 0 else { return [] }
    var aat = [Double](repeating: 0, count: m * m)
    var rhs = [Double](repeating: 0, count: m)
    for p in 0..<m {
      let ap = rows[working[p]].a
      rhs[p] = -dot(ap, g)
      for q in 0..<m { aat[p * m + q] = dot(ap, rows[working[q]].a) }
    }
    return SmallDenseSolver.solve(aat, rhs, n: m) ?? [Double](repeating: 0, count: m)
  }

  /// First-order multipliers of the working constraints (`>= 0` at a KKT point).
  func multipliers(_ g: [Double]) -> [Double] { leastSquaresMultipliers(g) }

  /// The gradient with its components along active constraint normals removed.
  func projectedGradient(_ g: [Double]) -> [Double] {
    let lambda = leastSquaresMultipliers(g)
    var pg = g
    for (k, w) in working.enumerated() {
      for i in 0..<n { pg[i] += lambda[k] * rows[w].a[i] }
    }
    return pg
  }

  func projectedGradientNorm(_ g: [Double]) -> Double {
    projectedGradient(g).reduce(0) { max($0, abs($1)) }
  }

  /// The quasi-Newton step in the working subspace and the model's multipliers, from the
  /// KKT system `[B A'; A 0] [d; mu] = [-g; 0]`.
  func direction(hessian b: [Double], gradient g: [Double]) -> (d: [Double], mu: [Double])? {
    let m = working.count
    let size = n + m
    var kkt = [Double](repeating: 0, count: size * size)
    var rhs = [Double](repeating: 0, count: size)
    for i in 0..<n {
      for j in 0..<n { kkt[i * size + j] = b[i * n + j] }
      rhs[i] = -g[i]
    }
    for (k, w) in working.enumerated() {
      for i in 0..<n {
        kkt[(n + k) * size + i] = rows[w].a[i]
        kkt[i * size + n + k] = rows[w].a[i]
      }
    }
    guard let solution = SmallDenseSolver.solve(kkt, rhs, n: size) else { return nil }
    let d = Array(solution[0..<n])
    return d.allSatisfy(\.isFinite) ? (d, Array(solution[n...])) : nil
  }

  /// The step after releasing, one at a time, each working constraint whose quadratic-model
  /// multiplier is negative (below `-tolerance`): for the model, leaving such a constraint
  /// lowers the objective, so the new step moves off it (Nocedal & Wright, algorithm 16.3).
  mutating func directionReleasing(
    hessian b: [Double], gradient g: [Double], tolerance: Double
  ) -> [Double]? {
    while let (d, mu) = direction(hessian: b, gradient: g) {
      guard let worst = mu.indices.min(by: { mu[$0] < mu[$1] }), mu[worst] < -tolerance
      else { return d }
      working.remove(at: worst)
    }
    return nil
  }

  /// The largest step along `d` that keeps every inactive constraint satisfied, and the
  /// constraint that blocks it (`nil` when none does: the step is then infinite).
  func maxStep(along d: [Double]) -> (Double, Int?) {
    var best = Double.infinity
    var blocking: Int?
    for (index, row) in rows.enumerated() where !working.contains(index) {
      let rate = row.dot(d)
      guard rate > 1e-300 else { continue }
      let limit = max(0, -row.slack(x)) / rate
      if limit < best {
        best = limit
        blocking = index
      }
    }
    return (best, blocking)
  }

  /// `x + step d`, clamped to the box, with the blocking bound (if any) hit exactly.
  func point(step: Double, along d: [Double], blocking: Int?) -> [Double] {
    var p = x
    for i in 0..<n {
      p[i] = min(max(x[i] + step * d[i], region.lower[i]), region.upper[i])
    }
    for w in working { if let j = rows[w].boundIndex { p[j] = rows[w].boundValue } }
    if let b = blocking, let j = rows[b].boundIndex { p[j] = rows[b].boundValue }
    return p
  }

  func result(
    value: Double, gradient: [Double], iterations: Int, converged: Bool, message: String
  ) -> OptimizationResult {
    let onBound = x.indices.map { x[$0] == region.lower[$0] || x[$0] == region.upper[$0] }
    let pg = gradient.count == n ? projectedGradientNorm(gradient) : .nan
    return OptimizationResult(
      x: x, value: value, gradient: gradient, projectedGradientNorm: pg,
      iterations: iterations, evaluations: 0, isOnBound: onBound, isConverged: converged,
      message: message)
  }
}
