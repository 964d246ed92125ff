import Foundation

/// Finite-difference derivatives used by the optimiser and by standard errors.
///
/// Steps follow the usual rule for central differences (Nocedal & Wright, *Numerical
/// Optimization*, 2nd ed., section 8.1): `h_j = eps^(1/3) * max(|x_j|, floor)`, which
/// balances truncation error O(h^2) against rounding error O(eps/h).
public enum NumericalDerivatives {
  /// `eps^(1/3)` for `Double`, about 6.06e-6.
  public static let centralStepFactor = 6.0554544523933395e-06

  /// The step used for parameter `x`: `centralStepFactor * max(|x|, floor)`.
  public static func step(for x: Double, floor: Double = 1e-3) -> Double {
    centralStepFactor * max(abs(x), floor)
  }

  /// The central-difference gradient of `f` at `x`.
  ///
  /// Where `x_j - h` or `x_j + h` leaves `[lower_j, upper_j]`, a one-sided difference
  /// of the same order is used instead (second-order forward or backward formula),
  /// so `f` is only evaluated inside the box.
  /// - Complexity: `2n` evaluations of `f`.
  public static func gradient(
    of f: ([Double]) -> Double, at x: [Double], value fx: Double,
    lower: [Double]? = nil, upper: [Double]? = nil
  ) -> [Double] {
    var point = x
    var g = [Double](repeating: 0, count: x.count)
    for j in x.indices {
      let h = step(for: x[j])
      let lo = lower?[j] ?? -.infinity
      let hi = upper?[j] ?? .infinity
      if x[j] - h < lo {
        point[j] = x[j] + h
        let f1 = f(point)
        point[j] = x[j] + 2 * h
        let f2 = f(point)
        g[j] = (-3 * fx + 4 * f1 - f2) / (2 * h)
      } else if x[j] + h > hi {
        point[j] = x[j] - h
        let f1 = f(point)
        point[j] = x[j] - 2 * h
        let f2 = f(point)
        g[j] = (3 * fx - 4 * f1 + f2) / (2 * h)
      } else {
        point[j] = x[j] + h
        let fPlus = f(point)
        point[j] = x[j] - h
        let fMinus = f(point)
        g[j] = (fPlus - fMinus) / (2 * h)
      }
      point[j] = x[j]
    }
    return g
  }

  /// The symmetric finite-difference Hessian of `f` at `x`, row-major `n x n`.
  ///
  /// Diagonal: `(f(x+h) - 2f(x) + f(x-h)) / h^2`; off-diagonal: the four-point
  /// formula `(f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j)`. The steps are
  /// `10 eps^(1/3) max(|x_j|, floor)`, larger than the gradient's since second differences
  /// lose more digits; raise `floor` for objectives with kinks (EGARCH's `|z|`).
  /// The function is evaluated on both sides of a bound: callers whose objective is
  /// defined a little outside the bounds (a GARCH alpha at 0) get the two-sided value.
  /// - Complexity: `2n^2 + 1` evaluations of `f`.
  public static func hessian(
    of f: ([Double]) -> Double, at x: [Double], value fx: Double, floor: Double = 1e-2
  ) -> [Double] {
    let n = x.count
    let h = x.map { centralStepFactor * 10 * max(abs($0), floor) }
    var hess = [Double](repeating: 0, count: n * n)
    var point = x
    for i in 0..<n {
      point[i] = x[i] + h[i]
      let fPlus = f(point)
      point[i] = x[i] - h[i]
      let fMinus = f(point)
      point[i] = x[i]
      hess[i * n + i] = (fPlus - 2 * fx + fMinus) / (h[i] * h[i])
      for j in 0..<i {
        var total = 0.0
        for (si, sj) in [(1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)] {
          point[i] = x[i] + si * h[i]
          point[j] = x[j] + sj * h[j]
          total += si * sj * f(point)
        }
        point[i] = x[i]
        point[j] = x[j]
        let value = total / (4 * h[i] * h[j])
        hess[i * n + j] = value
        hess[j * n + i] = value
      }
    }
    return hess
  }
}
