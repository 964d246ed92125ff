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
struct StandardErrors {
  let classic: [Double]
  let robust: [Double]

  init(
    likelihood: VolatilityLikelihood, theta: [Double], workspace: UnsafeMutablePointer<Double>
  ) {
    let k = theta.count
    let n = likelihood.returns.count
    let total = { (x: [Double]) -> Double in
      likelihood.logLikelihood(x, workspace: workspace)
    }
    let nanVector = [Double](repeating: .nan, count: k)
    let hessian = NumericalDerivatives.hessian(of: total, at: theta, value: total(theta))
    guard hessian.allSatisfy(\.isFinite),
      let inverse = SmallDenseSolver.inverse(hessian, n: k)
    else {
      (classic, robust) = (nanVector, nanVector)
      return
    }
    classic = (0..<k).map { i in
      let v = -inverse[i * k + i]
      return v > 0 ? v.squareRoot() : .nan
    }

    var outer = [Double](repeating: 0, count: k * k)
    var plus = [Double](repeating: 0, count: n)
    var minus = [Double](repeating: 0, count: n)
    var scores = [Double](repeating: 0, count: n * k)
    for j in 0..<k {
      let h = NumericalDerivatives.step(for: theta[j])
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
    for t in 0..<n {
      for i in 0..<k {
        let si = scores[t * k + i]
        for j in 0..<k { outer[i * k + j] += si * scores[t * k + j] }
      }
    }
    let middle = StandardErrors.multiply(inverse, outer, k)
    let sandwich = StandardErrors.multiply(middle, inverse, k)
    robust = (0..<k).map { i in
      let v = sandwich[i * k + i]
      return v > 0 && v.isFinite ? v.squareRoot() : .nan
    }
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
