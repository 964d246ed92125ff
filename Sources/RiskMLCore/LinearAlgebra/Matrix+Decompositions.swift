import COpenBLAS

/// Eigenvalues (ascending) and eigenvectors (the columns of `vectors`) of a symmetric matrix.
public struct SymmetricEigen: Sendable {
  public let values: [Double]
  public let vectors: Matrix
}

extension Matrix {
  /// The eigen-decomposition of a symmetric matrix, through LAPACK's `dsyevd`.
  ///
  /// Only the lower triangle is read. Eigenvalues come out in ascending order.
  /// - Complexity: O(n^3).
  public func symmetricEigen() throws -> SymmetricEigen {
    precondition(rows == columns, "eigen-decomposition needs a square matrix")
    var a = storage
    var values = [Double](repeating: 0, count: rows)
    let n = Int32(rows)
    let info = LAPACKE_dsyevd(
      LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "L")),
      n, &a, n, &values)
    guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dsyevd", info: info) }
    return SymmetricEigen(values: values, vectors: Matrix(rows: rows, columns: rows, storage: a))
  }

  /// The lower-triangular Cholesky factor `L` with `self = L * L^T`, through `dpotrf`.
  ///
  /// - Throws: `LinearAlgebraError.notPositiveDefinite` when the matrix is not.
  public func cholesky() throws -> Matrix {
    precondition(rows == columns, "Cholesky needs a square matrix")
    var a = storage
    let n = Int32(rows)
    let info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), n, &a, n)
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(minor: Int(info)) }
    guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpotrf", info: info) }
    for i in 0..<rows {
      for j in (i + 1)..<max(i + 1, columns) { a[i * columns + j] = 0 }
    }
    return Matrix(rows: rows, columns: columns, storage: a)
  }

  /// The solution `X` of `self * X = rhs` for a general square matrix, through `dgesv`.
  ///
  /// - Throws: `LinearAlgebraError.singular` when the matrix is singular.
  public func solve(_ rhs: Matrix) throws -> Matrix {
    precondition(rows == columns && rhs.rows == rows, "solve needs a square system")
    var a = storage
    var b = rhs.storage
    var pivots = [Int32](repeating: 0, count: rows)
    let info = LAPACKE_dgesv(
      LAPACK_ROW_MAJOR, Int32(rows), Int32(rhs.columns), &a, Int32(rows),
      &pivots, &b, Int32(rhs.columns))
    if info > 0 { throw LinearAlgebraError.singular }
    guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dgesv", info: info) }
    return Matrix(rows: rhs.rows, columns: rhs.columns, storage: b)
  }

  /// The solution `x` of `self * x = rhs`.
  public func solve(_ rhs: [Double]) throws -> [Double] {
    try solve(Matrix(rows: rhs.count, columns: 1, storage: rhs)).storage
  }

  /// The inverse of a square matrix.
  public func inverse() throws -> Matrix {
    try solve(Matrix.identity(rows))
  }
}
