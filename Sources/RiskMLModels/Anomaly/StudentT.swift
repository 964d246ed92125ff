import Foundation

/// Student's t distribution functions needed by the generalised ESD test.
enum StudentT {
  /// P(T <= t) for `degrees` degrees of freedom, through the regularised incomplete beta
  /// function: for t >= 0, 1 - I_{v/(v+t^2)}(v/2, 1/2) / 2 (Abramowitz and Stegun 26.7.1).
  static func cdf(_ t: Double, degrees: Double) -> Double {
    let tail = 0.5 * regularizedBeta(degrees / (degrees + t * t), degrees / 2, 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The p-quantile (0 < p < 1) by bisection on `cdf` to 1e-12 in t.
  static func quantile(_ p: Double, degrees: Double) -> Double {
    var low = -1e6
    var high = 1e6
    for _ in 0..<200 where high - low > 1e-12 * max(1, abs(low)) {
      let middle = (low + high) / 2
      if cdf(middle, degrees: degrees) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  /// I_x(a, b), the regularised incomplete beta function, by its continued fraction
  /// evaluated with the modified Lentz method (Press et al., Numerical Recipes, 6.4).
  static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    if x > (a + 1) / (a + b + 2) {
      return 1 - regularizedBeta(1 - x, b, a)
    }
    let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logGammas + logPowers
    return exp(logFront) * continuedFraction(x, a, b) / a
  }

  private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    d = 1 / (abs(d) < tiny ? tiny : d)
    var result = d
    for m in 1...300 {
      let k = Double(m)
      for step in 0..<2 {
        let numerator =
          step == 0
          ? k * (b - k) * x / ((a + 2 * k - 1) * (a + 2 * k))
          : -(a + k) * (a + b + k) * x / ((a + 2 * k) * (a + 2 * k + 1))
        d = 1 + numerator * d
        d = 1 / (abs(d) < tiny ? tiny : d)
        c = 1 + numerator / c
        if abs(c) < tiny { c = tiny }
        result *= c * d
        if step == 1, abs(c * d - 1) < 1e-15 { return result }
      }
    }
    return result
  }
}
