import RiskMLCore

/// Spectral diagnostics of a covariance or correlation matrix, for `--summary`.
public struct MatrixDiagnostics: Sendable, Equatable {
  /// The smallest eigenvalue (NaN when the matrix holds NaN).
  public let smallestEigenvalue: Double
  /// The largest eigenvalue.
  public let largestEigenvalue: Double
  /// lambda_max / lambda_min, or +infinity when lambda_min <= 0 (written as null).
  public let conditionNumber: Double
  /// Whether lambda_min >= -1e-10 * max(|lambda_max|, tiny): PSD up to rounding.
  public let isPositiveSemidefinite: Bool

  /// Diagnostics from known extreme eigenvalues.
  public init(smallest: Double, largest: Double) {
    smallestEigenvalue = smallest
    largestEigenvalue = largest
    conditionNumber = smallest > 0 ? largest / smallest : .infinity
    isPositiveSemidefinite = smallest >= -1e-10 * max(abs(largest), .leastNormalMagnitude)
  }

  /// The diagnostics of a symmetric matrix; rows holding NaN are left out.
  ///
  /// - Complexity: O(N^3), eigenvalues only (`dsyevd` without vectors).
  public init(_ matrix: Matrix) throws {
    let valid = (0..<matrix.rows).filter { i in
      (0..<matrix.columns).allSatisfy { j in matrix[i, j].isFinite }
    }
    let values = try PSDRepair.submatrix(matrix, valid).symmetricEigenvalues()
    guard let low = values.first, let high = values.last else {
      self.init(smallest: .nan, largest: .nan)
      return
    }
    self.init(smallest: low, largest: high)
  }
}
