/// A projected quasi-Newton (active-set BFGS) minimiser for smooth objectives under box
/// bounds and linear inequality constraints.
///
/// Method (Nocedal & Wright, *Numerical Optimization*, 2nd ed., sections 16.5 and 18.3):
/// - A working set of active constraints is kept. Each iteration solves the equality-
///   constrained quadratic model `min g.d + d'Bd/2 s.t. a_i.d = 0 (i active)` through
///   its KKT system, with `B` a damped-BFGS Hessian approximation (Powell's damping keeps
///   `B` positive definite).
/// - The step is capped where the first inactive constraint would be crossed; a backtracking
///   Armijo line search (`c1 = 1e-4`) follows. When the capped step is accepted, the
///   blocking constraint joins the working set and a parameter that reached a bound is set
///   to the bound exactly (so GJR's alpha ends at 0, not 1e-9).
/// - An active constraint whose multiplier in that KKT system is negative is released
///   before the step (the model says leaving it lowers `f`); least-squares multipliers
///   `lambda = -(A A')^-1 A g` check the signs at convergence.
///
/// Convergence (either criterion, with every multiplier `>= -gradientTolerance`):
/// 1. the projected gradient's largest component is at most `gradientTolerance`;
/// 2. the objective changed by at most `functionTolerance * (1 + |f|)` on two successive
///    iterations.
/// When the line search cannot decrease `f` any more, the result counts as converged only if
/// the projected gradient is below `sqrt(gradientTolerance)` (numerical-gradient noise).
///
/// The struct holds only settings, so one value can be shared across threads.
public struct ConstrainedQuasiNewtonOptimizer: Sendable {
  /// Criterion 1's tolerance on the projected gradient (default 1e-7).
  public var gradientTolerance: Double
  /// Criterion 2's relative tolerance on the change in `f` (default 1e-12).
  public var functionTolerance: Double
  /// The most iterations before giving up (default 300).
  public var maxIterations: Int

  public init(
    gradientTolerance: Double = 1e-7, functionTolerance: Double = 1e-12,
    maxIterations: Int = 300
  ) {
    self.gradientTolerance = gradientTolerance
    self.functionTolerance = functionTolerance
    self.maxIterations = maxIterations
  }

  /// Minimises `objective` over `region`, with central-difference gradients.
  ///
  /// - Parameters:
  ///   - start: a feasible starting point (bounds are enforced by clamping; the general
  ///     inequalities must hold).
  ///   - region: bounds and linear inequalities.
  ///   - initialHessian: a row-major positive definite start for `B`; the identity,
  ///     rescaled after the first step, when `nil`.
  ///   - objective: returns the value, or a non-finite number where undefined.
  /// - Returns: the result; `isConverged` is false with a message when no criterion held.
  public func minimize(
    start: [Double], region: FeasibleRegion, initialHessian: [Double]? = nil,
    objective: ([Double]) -> Double
  ) -> OptimizationResult {
    minimize(start: start, region: region, initialHessian: initialHessian) { x in
      let fx = objective(x)
      guard fx.isFinite else { return (fx, []) }
      let g = NumericalDerivatives.gradient(
        of: objective, at: x, value: fx, lower: region.lower, upper: region.upper)
      return (fx, g)
    }
  }

  /// Minimises an objective that returns its own gradient (`gradient` may be empty when
  /// the value is not finite). Same method and criteria as `minimize(start:region:...)`.
  public func minimize(
    start: [Double], region: FeasibleRegion, initialHessian: [Double]? = nil,
    valueAndGradient: ([Double]) -> (value: Double, gradient: [Double])
  ) -> OptimizationResult {
    var state = ActiveSetState(region: region, start: start)
    guard region.contains(state.x, tolerance: 1e-9) else {
      return state.result(
        value: .nan, gradient: [], iterations: 0, converged: false,
        message: "the starting point violates a linear constraint")
    }
    var evaluations = 1
    var (f, g) = valueAndGradient(state.x)
    guard f.isFinite, g.count == state.n else {
      return state.result(
        value: f, gradient: g, iterations: 0, converged: false,
        message: "the objective is not finite at the starting point")
    }
    let n = state.n
    var hessian = initialHessian ?? identity(n)
    var needsScaling = initialHessian == nil
    var smallChanges = 0

    for iteration in 1...max(maxIterations, 1) {
      let multipliers = state.multipliers(g)
      let projected = state.projectedGradientNorm(g)
      let signsOK = multipliers.allSatisfy { $0 >= -gradientTolerance }
      if projected <= gradientTolerance && signsOK {
        return state.result(
          value: f, gradient: g, iterations: iteration, converged: true,
          message: "converged: projected gradient below tolerance")
      }

      var direction = state.directionReleasing(
        hessian: hessian, gradient: g, tolerance: gradientTolerance)
      if direction == nil || dot(direction!, g) >= 0 {
        hessian = identity(n)
        direction = state.directionReleasing(
          hessian: hessian, gradient: g, tolerance: gradientTolerance)
      }
      guard let d = direction, dot(d, g) < 0 else {
        return state.result(
          value: f, gradient: g, iterations: iteration,
          converged: projected <= gradientTolerance.squareRoot(),
          message: "stopped: no descent direction in the active subspace")
      }

      let (maxStep, blocking) = state.maxStep(along: d)
      var step = min(1, maxStep)
      var accepted: (x: [Double], f: Double, g: [Double])?
      let slope = dot(g, d)
      for _ in 0..<60 {
        let trial = state.point(step: step, along: d, blocking: step == maxStep ? blocking : nil)
        evaluations += 1
        let (ft, gt) = valueAndGradient(trial)
        if ft.isFinite, gt.count == n, ft <= f + 1e-4 * step * slope {
          accepted = (trial, ft, gt)
          break
        }
        step *= 0.5
      }
      guard let next = accepted else {
        if !isIdentity(hessian) {
          hessian = identity(n)
          needsScaling = true
          continue
        }
        let ok = projected <= gradientTolerance.squareRoot()
        return state.result(
          value: f, gradient: g, iterations: iteration, converged: ok,
          message: ok
            ? "converged: no further decrease within numerical precision"
            : "line search failed to decrease the objective")
      }

      if step == maxStep, let b = blocking { state.activate(b) }
      let s = zip(next.x, state.x).map { $0 - $1 }
      let y = zip(next.g, g).map { $0 - $1 }
      if needsScaling {
        let sy = dot(s, y)
        if sy > 0 { hessian = identity(n).map { $0 * dot(y, y) / sy } }
        needsScaling = false
      }
      dampedBFGSUpdate(&hessian, s: s, y: y, n: n)

      let change = abs(f - next.f)
      state.x = next.x
      f = next.f
      g = next.g
      smallChanges = change <= functionTolerance * (1 + abs(f)) ? smallChanges + 1 : 0
      if smallChanges >= 2 {
        let lambda = state.multipliers(g)
        if lambda.allSatisfy({ $0 >= -gradientTolerance }) {
          return state.result(
            value: f, gradient: g, iterations: iteration, converged: true,
            message: "converged: relative change in objective below tolerance")
        }
      }
    }
    return state.result(
      value: f, gradient: g, iterations: maxIterations, converged: false,
      message: "iteration limit (\(maxIterations)) reached")
  }
}

func identity(_ n: Int) -> [Double] {
  var m = [Double](repeating: 0, count: n * n)
  for i in 0..<n { m[i * n + i] = 1 }
  return m
}

func isIdentity(_ m: [Double]) -> Bool {
  let n = Int(Double(m.count).squareRoot())
  for i in 0..<n { for j in 0..<n where m[i * n + j] != (i == j ? 1 : 0) { return false } }
  return true
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
  var sum = 0.0
  for i in a.indices { sum += a[i] * b[i] }
  return sum
}

/// Powell's damped BFGS update of a row-major Hessian approximation (Nocedal & Wright,
/// procedure 18.2): `y` is replaced by `r = theta y + (1 - theta) B s` when `s'y` is below
/// `0.2 s'Bs`, which keeps `B` positive definite.
func dampedBFGSUpdate(_ b: inout [Double], s: [Double], y: [Double], n: Int) {
  var bs = [Double](repeating: 0, count: n)
  for i in 0..<n { for j in 0..<n { bs[i] += b[i * n + j] * s[j] } }
  let sBs = dot(s, bs)
  guard sBs > 0, sBs.isFinite else { return }
  let sy = dot(s, y)
  let theta = sy >= 0.2 * sBs ? 1.0 : 0.8 * sBs / (sBs - sy)
  let r = (0..<n).map { theta * y[$0] + (1 - theta) * bs[$0] }
  let sr = dot(s, r)
  guard sr > 0, sr.isFinite else { return }
  for i in 0..<n {
    for j in 0..<n {
      b[i * n + j] += r[i] * r[j] / sr - bs[i] * bs[j] / sBs
    }
  }
}
