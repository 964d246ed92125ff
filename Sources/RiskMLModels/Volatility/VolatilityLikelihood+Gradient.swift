import Foundation

extension VolatilityLikelihood {
  // FIXME: t, skewed t, EGARCH and GARCH(p, q) fall back to central differences, about 10
  // to 40 times slower per fit than the Gaussian GARCH(1,1).

  /// Whether `valueAndGradient` is available: Gaussian GARCH(1,1) and GJR-GARCH(1,1,1).
  var hasAnalyticGradient: Bool {
    layout.distribution == .normal && !layout.isExponential && layout.p == 1 && layout.q == 1
  }

  /// The log-likelihood and its analytic gradient (see `GARCHGradient`); when `scores` is
  /// given it receives the per-observation gradients, row-major `n x k`.
  /// Only valid where `hasAnalyticGradient`.
  func valueAndGradient(
    _ theta: [Double], scores: UnsafeMutablePointer<Double>? = nil
  ) -> (value: Double, gradient: [Double]) {
    let mu = layout.mu.map { theta[$0] } ?? 0
    let b = presample(mu: mu)
    var slope = 0.0
    if initialisation == .unconditional && layout.hasMean {
      var total = 0.0
      for y in returns { total += y - mu }
      slope = -2 * total / Double(returns.count)
    }
    let gamma = layout.o > 0 ? theta[layout.gamma] : 0
    var slots = (0.0, 0.0, 0.0, 0.0, 0.0)
    let n = returns.count
    let slotScores =
      scores == nil
      ? nil : UnsafeMutablePointer<Double>.allocate(capacity: n * GARCHGradient.slotCount)
    defer { slotScores?.deallocate() }
    let ll = withUnsafeMutableBytes(of: &slots) { raw in
      returns.withUnsafeBufferPointer { y in
        GARCHGradient.normal11(
          y, mu: mu, omega: theta[layout.omega], alpha: theta[layout.alpha], gamma: gamma,
          beta: theta[layout.beta], backcast: b, backcastSlope: slope,
          gradient: raw.baseAddress!.assumingMemoryBound(to: Double.self), scores: slotScores)
      }
    }
    let map = slotMap
    let all = [slots.0, slots.1, slots.2, slots.3, slots.4]
    if let scores, let slotScores {
      let k = theta.count
      for t in 0..<n {
        for (j, slot) in map.enumerated() {
          scores[t * k + j] = slotScores[t * GARCHGradient.slotCount + slot]
        }
      }
    }
    return (ll, map.map { all[$0] })
  }

  /// For each parameter, its slot in `GARCHGradient`'s (mu, omega, alpha, gamma, beta).
  private var slotMap: [Int] {
    var map: [Int] = layout.hasMean ? [0] : []
    map += [1, 2]
    if layout.o > 0 { map.append(3) }
    map.append(4)
    return map
  }
}
