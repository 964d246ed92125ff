import Foundation

/// The analytic gradient of the Gaussian GARCH(1,1) / GJR-GARCH(1,1,1) log-likelihood,
/// computed in the same pass as the likelihood by differentiating the recursion
/// (Fiorentini, Calzolari & Panattoni 1996):
/// `ds2_t = (d omega) + e2_{t-1} d alpha + N_{t-1} d gamma + s2_{t-1} d beta
///          + alpha de2_{t-1} + gamma dN_{t-1} + beta ds2_{t-1}`,
/// with `N = I[e < 0] e^2`, and per observation
/// `dl_t = (e_t^2 / s2_t - 1) / (2 s2_t) ds2_t + (e_t / s2_t) d mu`.
/// The pre-sample value `b` depends on `mu` only under `.unconditional` (`db/dmu` given).
///
/// `sum ln s2_t` is accumulated as the log of products of 8 variances at a time (one `log`
/// per 8 observations instead of 8), falling back to single logs for a block whose product
/// leaves the normal range.
enum GARCHGradient {
  /// Slots of the gradient: mu, omega, alpha, gamma, beta.
  static let slotCount = 5

  /// Returns the total log-likelihood (`-infinity` where a variance is not positive);
  /// writes the 5-slot gradient to `gradient` and, when given, the per-observation
  /// gradients to `scores` (row-major `n x 5`).
  static func normal11(
    _ y: UnsafeBufferPointer<Double>, mu: Double, omega: Double, alpha: Double,
    gamma: Double, beta: Double, backcast b: Double, backcastSlope db: Double,
    gradient: UnsafeMutablePointer<Double>, scores: UnsafeMutablePointer<Double>?
  ) -> Double {
    let halfLogTwoPi = 0.91893853320467274178
    var total = 0.0
    var (gMu, gOmega, gAlpha, gGamma, gBeta) = (0.0, 0.0, 0.0, 0.0, 0.0)
    var s2Previous = b
    var e2Previous = b
    var negativePrevious = 0.5 * b
    var dE2Mu = db
    var dNegativeMu = 0.5 * db
    var (dMu, dOmega, dAlpha, dGamma, dBeta) = (db, 0.0, 0.0, 0.0, 0.0)
    var sumLogVariance = 0.0
    var product = 1.0
    var block = InlineArray<8, Double>(repeating: 0)
    var sumScaledSquares = 0.0
    for t in 0..<y.count {
      let s2 = omega + alpha * e2Previous + gamma * negativePrevious + beta * s2Previous
      guard s2 > 0, s2.isFinite else { return -.infinity }
      dMu = alpha * dE2Mu + gamma * dNegativeMu + beta * dMu
      dOmega = 1 + beta * dOmega
      dAlpha = e2Previous + beta * dAlpha
      dGamma = negativePrevious + beta * dGamma
      dBeta = s2Previous + beta * dBeta

      let e = y[t] - mu
      let inverse = 1 / s2
      let e2 = e * e
      sumScaledSquares += e2 * inverse
      product *= s2
      block[t & 7] = s2
      if t & 7 == 7 {
        if product.isNormal {
          sumLogVariance += log(product)
        } else {
          for i in 0..<8 { sumLogVariance += log(block[i]) }
        }
        product = 1
      }
      let w = 0.5 * inverse * (e2 * inverse - 1)
      let sMu = w * dMu + e * inverse
      gMu += sMu
      gOmega += w * dOmega
      gAlpha += w * dAlpha
      gGamma += w * dGamma
      gBeta += w * dBeta
      if let scores {
        let row = scores + t * slotCount
        (row[0], row[1], row[2], row[3], row[4]) =
          (sMu, w * dOmega, w * dAlpha, w * dGamma, w * dBeta)
      }

      let isNegative = e < 0
      dE2Mu = -2 * e
      dNegativeMu = isNegative ? -2 * e : 0
      e2Previous = e2
      negativePrevious = isNegative ? e2 : 0
      s2Previous = s2
    }
    let tail = y.count & 7
    if tail > 0 {
      if product.isNormal {
        sumLogVariance += log(product)
      } else {
        for i in 0..<tail { sumLogVariance += log(block[i]) }
      }
    }
    (gradient[0], gradient[1], gradient[2], gradient[3], gradient[4]) =
      (gMu, gOmega, gAlpha, gGamma, gBeta)
    total = -halfLogTwoPi * Double(y.count) - 0.5 * (sumLogVariance + sumScaledSquares)
    return total
  }
}
