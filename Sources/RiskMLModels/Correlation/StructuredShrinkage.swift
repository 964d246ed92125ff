import RiskMLCore

/// Ledoit-Wolf shrinkage towards structured targets, in PyPortfolioOpt's conventions.
///
/// Data must hold no NaN. The intensity is kappa / T clamped to [0, 1], kappa = (pi - rho) /
/// gamma estimated from the data as in the papers cited on each method.
public enum StructuredShrinkage {
  /// Shrinkage of the n - 1 sample covariance S towards the constant-correlation target.
  ///
  /// F_ii = S_ii, F_ij = rbar sqrt(S_ii S_jj) with rbar the mean off-diagonal correlation.
  /// pi = sum_ij pi_ij with pi_ij = (Y^T Y)_ij / T - 2 (Xc^T Xc)_ij S_ij / T + S_ij^2,
  /// Y = Xc * Xc; rho = sum_i pi_ii + rbar sum_(i != j) (s_j / s_i) theta_ij with
  /// theta_ij = ((Xc^3)^T Xc)_ij / T - h_ii S_ij - h_ij S_ii + S_ii S_ij, h = Xc^T Xc / T;
  /// gamma = ||S - F||_F^2. Source: Ledoit & Wolf (2004), "Honey, I shrunk the sample
  /// covariance matrix", J. Portfolio Management 30(4), appendix; PyPortfolioOpt mixes
  /// the n - 1 covariance S with 1/T moments and riskml does the same to match it.
  /// - Complexity: three `dgemm`/`dsyrk` products, O(T N^2).
  public static func constantCorrelation(_ x: Matrix) -> ShrunkCovariance {
    let (t, n) = (Double(x.rows), x.columns)
    let xc = x.centeredColumns()
    let h = ShrinkageEstimator.scaled(xc.gram(), by: 1 / t)
    let s = ShrinkageEstimator.scaled(h, by: t / (t - 1))
    let sd = (0..<n).map { s[$0, $0].squareRoot() }

    var correlationSum = 0.0
    for i in 0..<n { for j in 0..<n where i != j { correlationSum += s[i, j] / (sd[i] * sd[j]) } }
    let rbar = n > 1 ? correlationSum / Double(n * (n - 1)) : 0
    var target = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n { target[i, j] = i == j ? s[i, i] : rbar * sd[i] * sd[j] }
    }

    let y = Matrix(rows: x.rows, columns: n, storage: xc.storage.map { $0 * $0 })
    let yy = y.gram()
    let cubes = Matrix(rows: x.rows, columns: n, storage: xc.storage.map { $0 * $0 * $0 })
    let third = cubes.transposeMultiplied(by: xc)
    var pi = 0.0
    var piDiagonal = 0.0
    var thetaSum = 0.0
    for i in 0..<n {
      for j in 0..<n {
        let piIJ = yy[i, j] / t - 2 * h[i, j] * s[i, j] + s[i, j] * s[i, j]
        pi += piIJ
        if i == j {
          piDiagonal += piIJ
          continue
        }
        let theta = third[i, j] / t - h[i, i] * s[i, j] - h[i, j] * s[i, i] + s[i, i] * s[i, j]
        thetaSum += sd[j] / sd[i] * theta
      }
    }
    let rho = piDiagonal + rbar * thetaSum
    let gamma = zip(s.storage, target.storage).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    return blend(sample: s, target: target, kappa: (pi - rho) / gamma, t: t)
  }

  /// Shrinkage of the 1/T covariance S towards the single-index (market) target.
  ///
  /// The market is the equal-weighted mean m_t of the demeaned returns; b_i = cov(x_i, m),
  /// F = b b^T / var(m) off the diagonal and S_ii on it (all 1/T moments).
  /// pi = sum_ij (Y^T Y)_ij / T - ||S||_F^2 with Y = Xc * Xc; rho = rho_diag + 2 r1 - r3 with
  /// rho_diag = sum Y^2 / T - sum_i S_ii^2, r1 from v1 = (Y^T Z)/T - b_i S_ij and r3 from
  /// v3 = (Z^T Z)/T - var(m) S, Z_ti = Xc_ti m_t (diagonals excluded); gamma = ||S - F||_F^2.
  /// Source: Ledoit & Wolf (2003), "Improved estimation of the covariance matrix of stock
  /// returns with an application to portfolio selection", J. Empirical Finance 10(5),
  /// in PyPortfolioOpt's form.
  /// - Complexity: two `dgemm` and one `dsyrk`, O(T N^2).
  public static func singleFactor(_ x: Matrix) -> ShrunkCovariance {
    let (t, n) = (Double(x.rows), x.columns)
    let xc = x.centeredColumns()
    let s = ShrinkageEstimator.scaled(xc.gram(), by: 1 / t)
    let market = (0..<x.rows).map { row in
      (0..<n).reduce(0) { $0 + xc[row, $1] } / Double(n)
    }
    let marketVariance = market.reduce(0) { $0 + $1 * $1 } / t
    let marketMatrix = Matrix(rows: x.rows, columns: 1, storage: market)
    let betas = xc.transposeMultiplied(by: marketMatrix).storage.map { $0 / t }
    var target = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n { target[i, j] = i == j ? s[i, i] : betas[i] * betas[j] / marketVariance }
    }

    let y = Matrix(rows: x.rows, columns: n, storage: xc.storage.map { $0 * $0 })
    var z = xc
    for row in 0..<x.rows { for j in 0..<n { z[row, j] *= market[row] } }
    var rowSquareSums = 0.0
    for row in 0..<x.rows {
      let total = (0..<n).reduce(0) { $0 + y[row, $1] }
      rowSquareSums += total * total
    }
    let frobenius = s.storage.reduce(0) { $0 + $1 * $1 }
    let pi = rowSquareSums / t - frobenius
    let diagonalSquares = (0..<n).reduce(0) { $0 + s[$1, $1] * s[$1, $1] }
    let rhoDiagonal = y.storage.reduce(0) { $0 + $1 * $1 } / t - diagonalSquares

    let yz = y.transposeMultiplied(by: z)
    let zz = z.gram()
    var r1 = 0.0
    var r3 = 0.0
    for i in 0..<n {
      for j in 0..<n where i != j {
        r1 += (yz[i, j] / t - betas[i] * s[i, j]) * betas[j]
        r3 += (zz[i, j] / t - marketVariance * s[i, j]) * betas[i] * betas[j]
      }
    }
    let rho = rhoDiagonal + 2 * r1 / marketVariance - r3 / (marketVariance * marketVariance)
    let gamma = zip(s.storage, target.storage).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    return blend(sample: s, target: target, kappa: (pi - rho) / gamma, t: t)
  }

  private static func blend(
    sample: Matrix, target: Matrix, kappa: Double, t: Double
  )
    -> ShrunkCovariance
  {
    let delta = kappa.isFinite ? max(0, min(1, kappa / t)) : 0
    let storage = zip(sample.storage, target.storage).map { delta * $1 + (1 - delta) * $0 }
    let matrix = Matrix(rows: sample.rows, columns: sample.columns, storage: storage)
    return ShrunkCovariance(matrix: matrix, shrinkage: delta)
  }
}
