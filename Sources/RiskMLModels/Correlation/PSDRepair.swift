import RiskMLCore

/// How `riskml correlation --fix-psd` repairs a matrix that is not positive semi-definite.
public enum PSDRepairMethod: String, Sendable, CaseIterable {
  /// Clip negative eigenvalues to a floor and rebuild V diag(q) V^T.
  case spectral
  /// Add a multiple of the most negative eigenvalue to the diagonal.
  case diag
}

/// Positive semi-definite repair of symmetric matrices.
public enum PSDRepair {
  /// The repaired matrix, or `matrix` itself when it is already PSD.
  ///
  /// - spectral: eigenvalues below `floor` (default 0) are set to it and the matrix is
  ///   rebuilt as V diag(q) V^T (PyPortfolioOpt's `fix_nonpositive_semidefinite`).
  /// - diag: `margin * |lambda_min|` is added to the diagonal; `margin` 1.1 (the default)
  ///   is PyPortfolioOpt's and leaves the result positive definite, 1 the smallest shift
  ///   that makes it PSD.
  /// With `unitDiagonal` (for correlations), the result is rescaled to D^-1/2 A D^-1/2.
  /// Rows holding NaN (constant assets) are left as they are; the rest is repaired.
  /// - Complexity: O(N^3), one `dsyevd` and (spectral) one `dgemm`.
  public static func repair(
    _ matrix: Matrix, method: PSDRepairMethod, unitDiagonal: Bool,
    floor: Double = 0, margin: Double = 1.1
  ) throws -> Matrix {
    let valid = (0..<matrix.rows).filter { i in
      (0..<matrix.columns).allSatisfy { j in matrix[i, j].isFinite }
    }
    let block = submatrix(matrix, valid)
    guard !valid.isEmpty else { return matrix }
    let eigen = try block.symmetricEigen()
    guard let smallest = eigen.values.first, smallest < floor else { return matrix }

    var fixed = block
    switch method {
    case .spectral:
      let k = block.rows
      var scaled = eigen.vectors
      for j in 0..<k {
        let q = max(eigen.values[j], floor)
        for i in 0..<k { scaled[i, j] *= q }
      }
      fixed = scaled.multiplied(by: eigen.vectors.transposed)
      for i in 0..<k { for j in 0..<i { fixed[i, j] = fixed[j, i] } }
    case .diag:
      for i in 0..<block.rows { fixed[i, i] -= margin * smallest }
    }
    if unitDiagonal {
      let scale = fixed.diagonal.map { 1 / $0.squareRoot() }
      for i in 0..<fixed.rows {
        fixed[i, i] = 1
        for j in 0..<i {
          let value = SampleCovariance.clampUnit(fixed[i, j] * scale[i] * scale[j])
          fixed[i, j] = value
          fixed[j, i] = value
        }
      }
    }
    var result = matrix
    for (a, i) in valid.enumerated() {
      for (b, j) in valid.enumerated() { result[i, j] = fixed[a, b] }
    }
    return result
  }

  static func submatrix(_ m: Matrix, _ indices: [Int]) -> Matrix {
    var result = Matrix(rows: indices.count, columns: indices.count)
    for (a, i) in indices.enumerated() {
      for (b, j) in indices.enumerated() { result[a, b] = m[i, j] }
    }
    return result
  }
}
