import Foundation

/// The standard normal distribution: density, distribution function and quantile.
public enum NormalDistribution {
  /// The density phi(x) = exp(-x^2 / 2) / sqrt(2 pi).
  public static func density(_ x: Double) -> Double {
    exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
  }

  /// The distribution function Phi(x) = erfc(-x / sqrt 2) / 2 (accurate in both tails).
  public static func cdf(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
  }

  /// The quantile Phi^-1(p) for p in (0, 1); -inf / +inf at 0 / 1, NaN outside.
  ///
  /// Acklam's rational approximation (relative error 1.15e-9), refined by one Halley step
  /// on `cdf`, which brings it to full double precision.
  public static func quantile(_ p: Double) -> Double {
    guard p > 0, p < 1 else {
      if p == 0 { return -.infinity }
      return p == 1 ? .infinity : .nan
    }
    let low = 0.02425
    var x: Double
    if p < low {
      let q = (-2 * log(p)).squareRoot()
      x = tail(q)
    } else if p > 1 - low {
      let q = (-2 * log1p(-p)).squareRoot()
      x = -tail(q)
    } else {
      let q = p - 0.5
      let r = q * q
      let num =
        ((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r
          - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r
          - 3.066479806614716e+01) * r + 2.506628277459239e+00
      let den =
        ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r
          - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r
          - 1.328068155288572e+01) * r + 1
      x = num * q / den
    }
    let e = cdf(x) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
    x -= u / (1 + 0.5 * x * u)
    return x
  }

  private static func tail(_ q: Double) -> Double {
    let num =
      ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q
        - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q
        + 4.374664141464968e+00) * q + 2.938163982698783e+00
    let den =
      (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q
        + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1
    return num / den
  }
}

/// The chi-square distribution with one degree of freedom.
public enum ChiSquareOne {
  /// P(X <= x) = erf(sqrt(x / 2)) for x >= 0, 0 below.
  public static func cdf(_ x: Double) -> Double {
    x <= 0 ? 0 : erf((x / 2).squareRoot())
  }

  /// The upper tail P(X > x) = erfc(sqrt(x / 2)), accurate for large x.
  public static func survival(_ x: Double) -> Double {
    x <= 0 ? 1 : erfc((x / 2).squareRoot())
  }
}
