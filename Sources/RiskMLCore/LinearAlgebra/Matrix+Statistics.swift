import COpenBLAS

extension Matrix {
  /// The mean of each column, `(1/rows) * sum_t x[t, j]`.
  ///
  /// NaN propagates: a column holding NaN has a NaN mean. - Complexity: O(rows * columns).
  public func columnMeans() -> [Double] {
    var sums = [Double](repeating: 0, count: columns)
    guard rows > 0 else { return sums.map { _ in .nan } }
    for i in 0..<rows {
      let base = i * columns
      for j in 0..<columns { sums[j] += storage[base + j] }
    }
    return sums.map { $0 / Double(rows) }
  }

  /// The matrix with `offsets[j]` subtracted from every element of column `j`.
  public func subtractingFromColumns(_ offsets: [Double]) -> Matrix {
    precondition(offsets.count == columns, "need one offset per column")
    var result = self
    for i in 0..<rows {
      let base = i * columns
      for j in 0..<columns { result.storage[base + j] -= offsets[j] }
    }
    return result
  }

  /// The columns demeaned by their own means.
  public func centeredColumns() -> Matrix {
    subtractingFromColumns(columnMeans())
  }

  /// Whether any element is NaN.
  public var hasNaN: Bool { storage.contains { $0.isNaN } }

  /// The Gram matrix `self^T * self` (columns x columns), both triangles filled.
  ///
  /// Computed with `cblas_dsyrk`, which does half the work of a general product.
  /// - Complexity: O(rows * columns^2 / 2).
  public func gram() -> Matrix {
    var result = Matrix(rows: columns, columns: columns)
    guard rows > 0, columns > 0 else { return result }
    cblas_dsyrk(
      CblasRowMajor, CblasLower, CblasTrans, Int32(columns), Int32(rows),
      1, storage, Int32(columns), 0, &result.storage, Int32(columns))
    result.mirrorLowerTriangle()
    return result
  }

  /// The cross product `self^T * other`, computed with `cblas_dgemm`.
  ///
  /// - Complexity: O(rows * columns * other.columns).
  public func transposeMultiplied(by other: Matrix) -> Matrix {
    precondition(rows == other.rows, "cross product needs the same number of rows")
    var result = Matrix(rows: columns, columns: other.columns)
    guard rows > 0, columns > 0, other.columns > 0 else { return result }
    cblas_dgemm(
      CblasRowMajor, CblasTrans, CblasNoTrans,
      Int32(columns), Int32(other.columns), Int32(rows),
      1, storage, Int32(columns), other.storage, Int32(other.columns),
      0, &result.storage, Int32(other.columns))
    return result
  }

  /// Copies the lower triangle of a square matrix onto its upper triangle.
  public mutating func mirrorLowerTriangle() {
    precondition(rows == columns, "only a square matrix has triangles")
    for i in 0..<rows {
      for j in 0..<i { storage[j * columns + i] = storage[i * columns + j] }
    }
  }

  /// The rows whose indices are given, in that order.
  public func selectingRows(_ indices: [Int]) -> Matrix {
    var result = [Double]()
    result.reserveCapacity(indices.count * columns)
    for i in indices { result.append(contentsOf: storage[(i * columns)..<((i + 1) * columns)]) }
    return Matrix(rows: indices.count, columns: columns, storage: result)
  }

  /// The eigenvalues (ascending) of a symmetric matrix, without eigenvectors (`dsyevd`, "N").
  ///
  /// Only the lower triangle is read. - Complexity: O(n^3), about a third of `symmetricEigen`.
  public func symmetricEigenvalues() throws -> [Double] {
    precondition(rows == columns, "eigenvalues need a square matrix")
    guard rows > 0 else { return [] }
    var a = storage
    var values = [Double](repeating: 0, count: rows)
    let n = Int32(rows)
    let info = LAPACKE_dsyevd(
      LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "L")), n, &a, n, &values)
    guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dsyevd", info: info) }
    return values
  }
}
