import Foundation

/// The log density of a residual `e` with conditional variance `s2`, for one innovation
/// distribution with its parameters already fixed.
///
/// Formulas as in arch's documentation of `Normal`, `StudentsT` and `SkewStudent`
/// (K. Sheppard, arch 8.0), from Hansen (1994) for the skewed t.
protocol InnovationDensity {
  func logDensity(residual e: Double, variance s2: Double) -> Double
}

/// `ln f = -(ln 2pi + ln s2 + e^2 / s2) / 2`.
struct NormalDensity: InnovationDensity {
  /// `ln(2 pi) / 2`.
  let halfLogTwoPi = 0.91893853320467274178

  @inline(__always)
  func logDensity(residual e: Double, variance s2: Double) -> Double {
    -halfLogTwoPi - 0.5 * (log(s2) + e * e / s2)
  }
}

/// Student's t with unit variance:
/// `ln f = c - ln(s2)/2 - (nu+1)/2 ln(1 + e^2 / (s2 (nu-2)))`,
/// `c = lnG((nu+1)/2) - lnG(nu/2) - ln(pi (nu-2))/2`.
struct StudentTDensity: InnovationDensity {
  let constant: Double
  let halfNuPlusOne: Double
  let inverseNuMinusTwo: Double

  init(nu: Double) {
    constant = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(Double.pi * (nu - 2))
    halfNuPlusOne = (nu + 1) / 2
    inverseNuMinusTwo = 1 / (nu - 2)
  }

  @inline(__always)
  func logDensity(residual e: Double, variance s2: Double) -> Double {
    constant - 0.5 * log(s2) - halfNuPlusOne * log1p(e * e / s2 * inverseNuMinusTwo)
  }
}

/// Hansen's (1994) skewed t with unit variance, in arch's form (`z = e / s`):
/// `c` as for the t, `a = 4 lambda exp(c) (nu-2)/(nu-1)`, `b = sqrt(1 + 3 lambda^2 - a^2)`,
/// `u = b z + a`, `ln f = ln b + c - ln(s2)/2
///   - (nu+1)/2 ln(1 + (u / (1 + sign(u) lambda))^2 / (nu-2))`.
struct SkewedTDensity: InnovationDensity {
  let a: Double
  let b: Double
  let constant: Double
  let halfNuPlusOne: Double
  let inverseNuMinusTwo: Double
  let lambda: Double

  init(nu: Double, lambda: Double) {
    let c = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(Double.pi * (nu - 2))
    a = 4 * lambda * exp(c) * (nu - 2) / (nu - 1)
    b = (1 + 3 * lambda * lambda - a * a).squareRoot()
    constant = log(b) + c
    halfNuPlusOne = (nu + 1) / 2
    inverseNuMinusTwo = 1 / (nu - 2)
    self.lambda = lambda
  }

  @inline(__always)
  func logDensity(residual e: Double, variance s2: Double) -> Double {
    let u = b * e / s2.squareRoot() + a
    let scaled = u / (u < 0 ? 1 - lambda : 1 + lambda)
    return constant - 0.5 * log(s2) - halfNuPlusOne * log1p(scaled * scaled * inverseNuMinusTwo)
  }
}
