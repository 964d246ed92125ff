import RiskMLCore

/// A shrunk covariance matrix and the shrinkage intensity that produced it.
public struct ShrunkCovariance: Sendable, Equatable {
  /// The estimate `(1 - shrinkage) * S + shrinkage * F` for the method's S and target F.
  public let matrix: Matrix
  /// The intensity in [0, 1].
  public let shrinkage: Double
}

/// Covariance shrinkage towards a scaled identity: Ledoit-Wolf, OAS and a fixed intensity.
///
/// All three follow scikit-learn's conventions: the data are demeaned, the sample
/// covariance divides by n (maximum likelihood), and the target is `mu * I` with
/// `mu = trace(S) / N`. Data must hold no NaN (apply listwise deletion first).
public enum ShrinkageEstimator {
  /// Ledoit-Wolf shrinkage as scikit-learn's `ledoit_wolf_shrinkage` defines it.
  ///
  /// With Xc the demeaned data (T x N) and S = Xc^T Xc / T:
  /// b2 = (sum_t ||x_t||^4 / T - ||S||_F^2) / (N T), d2 = (||S||_F^2 - N mu^2) / N, and
  /// shrinkage = min(b2, d2) / d2 (0 when b2 is 0). Source: Ledoit & Wolf (2004), "A
  /// well-conditioned estimator for large-dimensional covariance matrices", J. Multivariate
  /// Analysis 88, in scikit-learn's normalisation. One asset gives shrinkage 0.
  /// `assumeCentered` skips the demeaning (scikit-learn's `assume_centered=True`).
  /// - Complexity: one `dsyrk` for X^T X, O(T N^2 / 2); the fourth-moment sum
  ///   sum_ij ((X*X)^T (X*X))_ij collapses to sum_t (sum_i x_ti^2)^2, O(T N).
  public static func ledoitWolf(_ x: Matrix, assumeCentered: Bool = false) -> ShrunkCovariance {
    let (t, n) = (Double(x.rows), x.columns)
    let centered = assumeCentered ? x : x.centeredColumns()
    let s = scaled(centered.gram(), by: 1 / t)
    let mu = trace(s) / Double(n)
    guard n > 1 else { return ShrunkCovariance(matrix: s, shrinkage: 0) }

    var fourth = 0.0
    for i in 0..<x.rows {
      var norm = 0.0
      for j in 0..<n {
        let v = centered.storage[i * n + j]
        norm += v * v
      }
      fourth += norm * norm
    }
    let frobenius = s.storage.reduce(0) { $0 + $1 * $1 }
    let beta = (fourth / t - frobenius) / (Double(n) * t)
    let delta = (frobenius - Double(n) * mu * mu) / Double(n)
    let bounded = min(beta, delta)
    let shrinkage = bounded == 0 ? 0 : bounded / delta
    return ShrunkCovariance(matrix: shrunk(s, intensity: shrinkage), shrinkage: shrinkage)
  }

  /// Oracle approximating shrinkage, scikit-learn's current (1.3+) formula.
  ///
  /// With S the 1/T covariance, mu = trace(S)/N and a = mean(S_ij^2):
  /// shrinkage = min(1, (a + mu^2) / ((T + 1)(a - mu^2 / N))), 1 when the denominator is 0.
  /// Source: Chen, Wiesel, Eldar & Hero (2010), "Shrinkage algorithms for MMSE covariance
  /// estimation", IEEE Trans. Signal Processing 58(10), eq. (23), as scikit-learn writes it.
  /// - Complexity: O(T N^2 / 2).
  public static func oas(_ x: Matrix) -> ShrunkCovariance {
    let (t, n) = (Double(x.rows), Double(x.columns))
    let s = scaled(x.centeredColumns().gram(), by: 1 / t)
    guard x.columns > 1 else { return ShrunkCovariance(matrix: s, shrinkage: 0) }
    let mu = trace(s) / n
    let alpha = s.storage.reduce(0) { $0 + $1 * $1 } / (n * n)
    let numerator = alpha + mu * mu
    let denominator = (t + 1) * (alpha - mu * mu / n)
    let shrinkage = denominator == 0 ? 1 : min(numerator / denominator, 1)
    return ShrunkCovariance(matrix: shrunk(s, intensity: shrinkage), shrinkage: shrinkage)
  }

  /// `(1 - intensity) * s + intensity * (trace(s) / N) * I` for any covariance `s`.
  ///
  /// On the 1/T covariance this is scikit-learn's `ShrunkCovariance(shrinkage:)`; on the
  /// n - 1 covariance it is PyPortfolioOpt's `shrunk_covariance(delta)`.
  public static func shrunk(_ s: Matrix, intensity: Double) -> Matrix {
    let mu = trace(s) / Double(s.rows)
    var result = scaled(s, by: 1 - intensity)
    for i in 0..<s.rows { result[i, i] += intensity * mu }
    return result
  }

  static func trace(_ m: Matrix) -> Double {
    (0..<m.rows).reduce(0) { $0 + m[$1, $1] }
  }

  static func scaled(_ m: Matrix, by factor: Double) -> Matrix {
    Matrix(rows: m.rows, columns: m.columns, storage: m.storage.map { $0 * factor })
  }
}
