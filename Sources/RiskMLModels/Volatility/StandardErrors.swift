import Foundation
import RiskMLCore

/// Parameter standard errors of a maximum-likelihood fit, as arch computes them.
///
/// - `classic`: `sqrt(diag((-H)^-1))`, `H` the central-difference Hessian of the total
///   log-likelihood.
/// - `robust`: `sqrt(diag(H^-1 J H^-1))` with `J = sum_t s_t s_t'` and `s_t` the
///   central-difference gradient of observation t's log-likelihood (the QMLE sandwich of
///   Bollerslev & Wooldridge 1992; arch's default `cov_type="robust"`).
///
/// A standard error is NaN where the Hessian is singular or the variance is not positive.
///
/// EGARCH's likelihood has a kink wherever a residual is zero (the `|z|` term), and its
/// maximum can sit on one in `mu`; differences with steps of 1e-7 then see the kink, not
/// the curvature. Its steps therefore have an absolute floor of about 6e-4 (`kinkFloor`).
struct StandardErrors {
  /// The Hessian's step floor for EGARCH: steps of `6e-5 * max(|x|, 10)`; its scores use
  /// `6e-6 * max(|x|, 100)`.
  static let kinkFloor = 10.0
  let classic: [Double]
  let robust: [Double]

  init(
    likelihood: VolatilityLikelihood, theta: [Double], workspace: UnsafeMutablePointer<Double>
  ) {
    let k = theta.count
    let n = likelihood.returns.count
    var scores = [Double](repeating: 0, count: n * k)
    var hessian = [Double](repeating: 0, count: k * k)
    if likelihood.hasAnalyticGradient {
      // Hessian: central differences of the analytic gradient, symmetrised.
      for j in 0..<k {
        let h = NumericalDerivatives.step(for: theta[j], floor: 1e-2)
        var x = theta
        x[j] = theta[j] + h
        let plus = likelihood.valueAndGradient(x).gradient
        x[j] = theta[j] - h
        let minus = likelihood.valueAndGradient(x).gradient
        for i in 0..<k { hessian[i * k + j] = (plus[i] - minus[i]) / (2 * h) }
      }
      for i in 0..<k {
        for j in 0..<i {
          let mean = 0.5 * (hessian[i * k + j] + hessian[j * k + i])
          (hessian[i * k + j], hessian[j * k + i]) = (mean, mean)
        }
      }
      _ = scores.withUnsafeMutableBufferPointer {
        likelihood.valueAndGradient(theta, scores: $0.baseAddress)
      }
    } else {
      let total = { (x: [Double]) -> Double in
        likelihood.logLikelihood(x, workspace: workspace)
      }
      let floor = likelihood.layout.isExponential ? StandardErrors.kinkFloor : 1e-2
      hessian = NumericalDerivatives.hessian(
        of: total, at: theta, value: total(theta), floor: floor)
      StandardErrors.differenceScores(
        likelihood, theta, workspace, floor: likelihood.layout.isExponential ? 100 : 1e-3,
        into: &scores)
    }
    (classic, robust) = StandardErrors.finish(hessian: hessian, scores: scores, n: n, k: k)
  }

  /// Per-observation scores by central differences of the contributions, `n x k`.
  static func differenceScores(
    _ likelihood: VolatilityLikelihood, _ theta: [Double],
    _ workspace: UnsafeMutablePointer<Double>, floor: Double = 1e-3,
    into scores: inout [Double]
  ) {
    let k = theta.count
    let n = likelihood.returns.count
    var plus = [Double](repeating: 0, count: n)
    var minus = [Double](repeating: 0, count: n)
    for j in 0..<k {
      let h = NumericalDerivatives.step(for: theta[j], floor: floor)
      var x = theta
      x[j] = theta[j] + h
      _ = plus.withUnsafeMutableBufferPointer {
        likelihood.logLikelihood(x, contributions: $0.baseAddress, workspace: workspace)
      }
      x[j] = theta[j] - h
      _ = minus.withUnsafeMutableBufferPointer {
        likelihood.logLikelihood(x, contributions: $0.baseAddress, workspace: workspace)
      }
      for t in 0..<n { scores[t * k + j] = (plus[t] - minus[t]) / (2 * h) }
    }
  }

  /// Classic and sandwich standard errors from the Hessian and the scores.
  static func finish(
    hessian: [Double], scores: [Double], n: Int, k: Int
  )
    -> (classic: [Double], robust: [Double])
  {
    let nanVector = [Double](repeating: .nan, count: k)
    guard hessian.allSatisfy(\.isFinite), let inverse = SmallDenseSolver.inverse(hessian, n: k)
    else { return (nanVector, nanVector) }
    let classic = (0..<k).map { i in
      let v = -inverse[i * k + i]
      return v > 0 ? v.squareRoot() : .nan
    }
    var outer = [Double](repeating: 0, count: k * k)
    for t in 0..<n {
      for i in 0..<k {
        let si = scores[t * k + i]
        for j in 0..<k { outer[i * k + j] += si * scores[t * k + j] }
      }
    }
    let sandwich = multiply(multiply(inverse, outer, k), inverse, k)
    let robust = (0..<k).map { i in
      let v = sandwich[i * k + i]
      return v > 0 && v.isFinite ? v.squareRoot() : .nan
    }
    return (classic, robust)
  }

  static func multiply(_ a: [Double], _ b: [Double], _ k: Int) -> [Double] {
    var c = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
      for l in 0..<k {
        let ail = a[i * k + l]
        for j in 0..<k { c[i * k + j] += ail * b[l * k + j] }
      }
    }
    return c
  }
}
