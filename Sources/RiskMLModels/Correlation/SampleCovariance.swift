import RiskMLCore

/// Sample covariance and Pearson correlation, complete-case and pairwise.
public enum SampleCovariance {
  /// The covariance `Xc^T Xc / (T - ddof)` of complete data, `Xc` the demeaned columns.
  ///
  /// Two-pass (demean, then `dsyrk`), so no cancellation. Data must hold no NaN.
  /// - Complexity: O(T N^2 / 2).
  public static func covariance(_ x: Matrix, ddof: Int = 1) -> Matrix {
    var result = x.centeredColumns().gram()
    let divisor = Double(x.rows - ddof)
    for k in result.storage.indices { result.storage[k] /= divisor }
    return result
  }

  /// The correlation `C_ij / sqrt(C_ii C_jj)` of a covariance matrix, clamped to [-1, 1].
  ///
  /// Rows and columns of `constant` assets (zero variance) are NaN, never infinite.
  public static func correlation(fromCovariance c: Matrix, constant: [Bool]) -> Matrix {
    let n = c.rows
    let scale = (0..<n).map { 1 / c[$0, $0].squareRoot() }
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n {
      for j in 0..<n {
        if constant[i] || constant[j] || !(c[i, i] > 0) || !(c[j, j] > 0) {
          result[i, j] = .nan
        } else {
          result[i, j] = i == j ? 1 : clampUnit(c[i, j] * scale[i] * scale[j])
        }
      }
    }
    return result
  }

  /// Whether each column is constant over its present (non-NaN) values.
  ///
  /// Exact comparison: a column whose values are all equal has zero variance even though
  /// its floating-point mean may differ from them by an ulp.
  public static func constantColumns(_ x: Matrix) -> [Bool] {
    (0..<x.columns).map { j in
      var first: Double?
      for i in 0..<x.rows {
        let v = x[i, j]
        if v.isNaN { continue }
        if let f = first { if f != v { return false } } else { first = v }
      }
      return true
    }
  }

  /// Pairwise-complete covariance (`correlation == false`) or Pearson correlation.
  ///
  /// Each pair (i, j) uses the dates on which both are present, n_ij of them; the
  /// covariance divides by n_ij - ddof. Columns are first demeaned by their own available
  /// means, then the pairwise sums come from four BLAS products over the zero-filled data
  /// Z and the presence mask M: Z^T Z, Z^T M, (Z*Z)^T M and M^T M. A pair with fewer than
  /// 2 common dates, or a zero variance on its dates, gives NaN.
  /// - Returns: the matrix and the smallest pairwise count n_ij.
  /// - Complexity: O(T N^2) through `dgemm`.
  public static func pairwise(
    _ x: Matrix, ddof: Int = 1, correlation: Bool
  ) -> (matrix: Matrix, minimumCount: Int) {
    let (t, n) = (x.rows, x.columns)
    var z = Matrix(rows: t, columns: n)
    var mask = Matrix(rows: t, columns: n)
    var means = [Double](repeating: 0, count: n)
    var counts = [Double](repeating: 0, count: n)
    var maxAbs = [Double](repeating: 0, count: n)
    for i in 0..<t {
      for j in 0..<n where !x[i, j].isNaN {
        means[j] += x[i, j]
        counts[j] += 1
        maxAbs[j] = max(maxAbs[j], abs(x[i, j]))
      }
    }
    for j in 0..<n where counts[j] > 0 { means[j] /= counts[j] }
    var squares = z
    for i in 0..<t {
      for j in 0..<n where !x[i, j].isNaN {
        let v = x[i, j] - means[j]
        z[i, j] = v
        squares[i, j] = v * v
        mask[i, j] = 1
      }
    }

    let sxy = z.gram()
    let sx = z.transposeMultiplied(by: mask)
    let sxx = squares.transposeMultiplied(by: mask)
    let pairs = mask.gram()
    let constant = constantColumns(x)

    var result = Matrix(rows: n, columns: n, repeating: .nan)
    var minimum = Int.max
    for i in 0..<n {
      for j in 0..<n {
        let m = pairs[i, j]
        minimum = min(minimum, Int(m))
        guard m >= 2, m > Double(ddof) else { continue }
        let cross = sxy[i, j] - sx[i, j] * sx[j, i] / m
        if !correlation {
          result[i, j] = cross / (m - Double(ddof))
          continue
        }
        let vi = sxx[i, j] - sx[i, j] * sx[i, j] / m
        let vj = sxx[j, i] - sx[j, i] * sx[j, i] / m
        let floorI = m * (8 * Double.ulpOfOne * maxAbs[i]) * (8 * Double.ulpOfOne * maxAbs[i])
        let floorJ = m * (8 * Double.ulpOfOne * maxAbs[j]) * (8 * Double.ulpOfOne * maxAbs[j])
        if constant[i] || constant[j] || vi <= floorI || vj <= floorJ { continue }
        result[i, j] = i == j ? 1 : clampUnit(cross / (vi * vj).squareRoot())
      }
    }
    return (result, n == 0 ? 0 : minimum)
  }

  /// The semicovariance of returns below `benchmark`: D^T D / T, D = min(X - benchmark, 0).
  ///
  /// PyPortfolioOpt's `semicovariance` at frequency 1 (divisor T, not T - 1, no demeaning).
  /// - Complexity: O(T N^2 / 2).
  public static func semicovariance(_ x: Matrix, benchmark: Double = 0) -> Matrix {
    let drops = Matrix(
      rows: x.rows, columns: x.columns, storage: x.storage.map { min($0 - benchmark, 0) })
    var result = drops.gram()
    for k in result.storage.indices { result.storage[k] /= Double(x.rows) }
    return result
  }

  /// `value` clamped to [-1, 1]; NaN stays NaN.
  static func clampUnit(_ value: Double) -> Double {
    value.isNaN ? value : min(1, max(-1, value))
  }
}
