import Foundation

extension VolatilityFit {
  /// Variance forecasts `E_T[s2_{T+h}]` for `h = 1...horizon` after the last return.
  ///
  /// - GARCH(p, q) and GJR: analytic. The one-step forecast uses the known residuals and
  ///   variances; beyond it `E[e2] = s2` and `E[I[e < 0] e2] = s2 / 2` (arch's analytic
  ///   method).
  /// - EWMA: `s2_{T+1} = l s2_T + (1 - l) e2_T`, flat after that.
  /// - EGARCH: exact for `h = 1`; beyond, the log-variance approximation
  ///   `ln s2_{T+h} = omega + beta ln s2_{T+h-1}` (the z terms have mean zero), so the
  ///   forecast is `exp(E[ln s2])`, below arch's simulated mean by Jensen's inequality.
  /// - Returns: `horizon` variances; empty when the fit failed.
  public func forecastVariance(horizon: Int) -> [Double] {
    guard horizon > 0, let lastVariance = conditionalVariance.last,
      let lastResidual = residuals.last
    else { return [] }
    let layout = ParameterLayout(specification)

    if case .ewma(let lambda) = specification.process {
      let next = lambda * lastVariance + (1 - lambda) * lastResidual * lastResidual
      return [Double](repeating: next, count: horizon)
    }

    let omega = parameters[layout.omega]
    if layout.isExponential {
      let alpha = parameters[layout.alpha]
      let gamma = parameters[layout.gamma]
      let beta = parameters[layout.beta]
      let z = lastResidual / lastVariance.squareRoot()
      var lnS2 =
        omega + alpha * (abs(z) - VarianceRecursions.meanAbsoluteNormal)
        + gamma * z + beta * log(lastVariance)
      var forecasts = [exp(lnS2)]
      // FIXME: EGARCH h > 1 uses exp(E ln s2), not arch's simulated E s2 (Jensen bias).
      for _ in 1..<horizon {
        lnS2 = omega + beta * lnS2
        forecasts.append(exp(lnS2))
      }
      return forecasts
    }

    let alpha = Array(parameters[layout.alpha..<layout.alpha + layout.p])
    let beta = Array(parameters[layout.beta..<layout.beta + layout.q])
    let gamma = layout.o > 0 ? parameters[layout.gamma] : 0
    // Past squared residuals and variances, newest last, then forecasts appended.
    var e2 = residuals.suffix(max(layout.p, 1)).map { $0 * $0 }
    var s2 = Array(conditionalVariance.suffix(max(layout.q, 1)))
    var lastNegative = lastResidual < 0 ? lastResidual * lastResidual : 0
    var forecasts: [Double] = []
    for _ in 0..<horizon {
      var next = omega + gamma * lastNegative
      for (i, a) in alpha.enumerated() where e2.count - 1 - i >= 0 {
        next += a * e2[e2.count - 1 - i]
      }
      for (j, b) in beta.enumerated() where s2.count - 1 - j >= 0 {
        next += b * s2[s2.count - 1 - j]
      }
      forecasts.append(next)
      e2.append(next)
      s2.append(next)
      // FIXME: E[I[e < 0] e^2] = s2 / 2 holds for symmetric innovations only; with the
      // skewed t (GJR forecasts) it is biased, as in arch's analytic method.
      lastNegative = 0.5 * next
    }
    return forecasts
  }
}
