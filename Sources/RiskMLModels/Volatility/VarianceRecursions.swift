import Foundation

/// The conditional-variance recursions fused with the log-likelihood: one pass over the
/// residuals, no allocation. Each function returns the total log-likelihood, or
/// `-infinity` as soon as a variance is not positive and finite.
///
/// Pre-sample terms use the backcast `b`: `e^2` and `s2` before the sample are `b`, and the
/// asymmetric term `I[e < 0] e^2` is `b / 2` (arch's `garch_recursion`). EGARCH uses
/// `ln b` for the pre-sample log variance and drops the `z` terms at `t = 0`
/// (arch's `egarch_recursion`).
enum VarianceRecursions {
  /// `sqrt(2 / pi)`, `E|z|` for a standard normal z: the centring of EGARCH's size term.
  static let meanAbsoluteNormal = (2 / Double.pi).squareRoot()

  /// GARCH(1,1) and GJR-GARCH(1,1,1) (`gamma = 0` for GARCH).
  @inline(__always)
  static func garch11<D: InnovationDensity>(
    _ y: UnsafeBufferPointer<Double>, mu: Double, omega: Double, alpha: Double,
    gamma: Double, beta: Double, backcast b: Double, density: D,
    variance: UnsafeMutablePointer<Double>?, contributions: UnsafeMutablePointer<Double>?
  ) -> Double {
    var total = 0.0
    var s2Previous = b
    var e2Previous = b
    var negativePrevious = 0.5 * b
    for t in 0..<y.count {
      let s2 = omega + alpha * e2Previous + gamma * negativePrevious + beta * s2Previous
      guard s2 > 0, s2.isFinite else { return -.infinity }
      let e = y[t] - mu
      let l = density.logDensity(residual: e, variance: s2)
      total += l
      variance?[t] = s2
      contributions?[t] = l
      e2Previous = e * e
      negativePrevious = e < 0 ? e2Previous : 0
      s2Previous = s2
    }
    return total
  }

  /// Gaussian GARCH(1,1)/GJR value only, with one `log` per 8 observations (the log of a
  /// product of 8 variances; single logs for a block whose product leaves the normal
  /// range). Same result as `garch11` with `NormalDensity` up to rounding.
  static func garch11NormalValue(
    _ y: UnsafeBufferPointer<Double>, mu: Double, omega: Double, alpha: Double,
    gamma: Double, beta: Double, backcast b: Double, variance: UnsafeMutablePointer<Double>?
  ) -> Double {
    var s2Previous = b
    var e2Previous = b
    var negativePrevious = 0.5 * b
    var sumLog = 0.0
    var sumScaled = 0.0
    var product = 1.0
    var block = InlineArray<8, Double>(repeating: 1)
    for t in 0..<y.count {
      let s2 = omega + alpha * e2Previous + gamma * negativePrevious + beta * s2Previous
      guard s2 > 0, s2.isFinite else { return -.infinity }
      let e = y[t] - mu
      e2Previous = e * e
      sumScaled += e2Previous / s2
      negativePrevious = e < 0 ? e2Previous : 0
      s2Previous = s2
      variance?[t] = s2
      product *= s2
      block[t & 7] = s2
      if t & 7 == 7 {
        if product.isNormal {
          sumLog += log(product)
        } else {
          for i in 0..<8 { sumLog += log(block[i]) }
        }
        product = 1
      }
    }
    if y.count & 7 > 0 {
      if product.isNormal {
        sumLog += log(product)
      } else {
        for i in 0..<(y.count & 7) { sumLog += log(block[i]) }
      }
    }
    return -0.91893853320467274178 * Double(y.count) - 0.5 * (sumLog + sumScaled)
  }

  /// GARCH(p, q) with an optional asymmetric first lag; `alpha` holds p values, `beta` q.
  /// `workspace` must hold `2 n` doubles (squared residuals and variances).
  static func garchPQ<D: InnovationDensity>(
    _ y: UnsafeBufferPointer<Double>, mu: Double, omega: Double, alpha: ArraySlice<Double>,
    gamma: Double, beta: ArraySlice<Double>, backcast b: Double, density: D,
    workspace: UnsafeMutablePointer<Double>, variance: UnsafeMutablePointer<Double>?,
    contributions: UnsafeMutablePointer<Double>?
  ) -> Double {
    let n = y.count
    let e2 = workspace
    let s2History = workspace + n
    var total = 0.0
    for t in 0..<n {
      var s2 = omega
      for (i, a) in alpha.enumerated() { s2 += a * (t - 1 - i >= 0 ? e2[t - 1 - i] : b) }
      if gamma != 0 {
        let negative = t > 0 ? (y[t - 1] - mu < 0 ? e2[t - 1] : 0) : 0.5 * b
        s2 += gamma * negative
      }
      for (j, c) in beta.enumerated() { s2 += c * (t - 1 - j >= 0 ? s2History[t - 1 - j] : b) }
      guard s2 > 0, s2.isFinite else { return -.infinity }
      let e = y[t] - mu
      let l = density.logDensity(residual: e, variance: s2)
      total += l
      e2[t] = e * e
      s2History[t] = s2
      variance?[t] = s2
      contributions?[t] = l
    }
    return total
  }

  /// EGARCH(1,1,1).
  @inline(__always)
  static func egarch11<D: InnovationDensity>(
    _ y: UnsafeBufferPointer<Double>, mu: Double, omega: Double, alpha: Double,
    gamma: Double, beta: Double, backcast b: Double, density: D,
    variance: UnsafeMutablePointer<Double>?, contributions: UnsafeMutablePointer<Double>?
  ) -> Double {
    var total = 0.0
    var lnPrevious = log(b)
    var zPrevious = 0.0
    for t in 0..<y.count {
      var lnS2 = omega + beta * lnPrevious
      if t > 0 {
        lnS2 += alpha * (abs(zPrevious) - meanAbsoluteNormal) + gamma * zPrevious
      }
      let s2 = exp(lnS2)
      guard s2 > 0, s2.isFinite else { return -.infinity }
      let e = y[t] - mu
      let l = density.logDensity(residual: e, variance: s2)
      total += l
      variance?[t] = s2
      contributions?[t] = l
      zPrevious = e / s2.squareRoot()
      lnPrevious = lnS2
    }
    return total
  }
}
