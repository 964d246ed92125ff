import COpenBLAS

/// A dense, row-major matrix of `Double`, the currency of riskml's linear algebra.
///
/// Element `(i, j)` lives at `storage[i * columns + j]`. Products go through OpenBLAS.
public struct Matrix: Equatable, Sendable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The elements, row after row.
  public var storage: [Double]

  /// A matrix with every element set to `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = Array(repeating: value, count: rows * columns)
  }

  /// A matrix over existing row-major storage.
  public init(rows: Int, columns: Int, storage: [Double]) {
    precondition(storage.count == rows * columns, "storage does not match \(rows)x\(columns)")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from an array of equally long rows.
  public init(_ rowArrays: [[Double]]) {
    let columns = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columns }, "rows differ in length")
    self.init(rows: rowArrays.count, columns: columns, storage: rowArrays.flatMap { $0 })
  }

  /// The `n` x `n` identity.
  public static func identity(_ n: Int) -> Matrix {
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n { result[i, i] = 1 }
    return result
  }

  /// The element in row `i`, column `j`.
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    get { storage[i * columns + j] }
    set { storage[i * columns + j] = newValue }
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] {
    Array(storage[(i * columns)..<((i + 1) * columns)])
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    (0..<rows).map { self[$0, j] }
  }

  /// The diagonal of a square matrix.
  public var diagonal: [Double] {
    (0..<min(rows, columns)).map { self[$0, $0] }
  }

  /// The transpose.
  public var transposed: Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for i in 0..<rows {
      for j in 0..<columns { result[j, i] = self[i, j] }
    }
    return result
  }

  /// The product `self * other`, computed with `cblas_dgemm`.
  ///
  /// - Complexity: O(rows * columns * other.columns).
  public func multiplied(by other: Matrix) -> Matrix {
    precondition(
      columns == other.rows, "cannot multiply \(rows)x\(columns) by \(other.rows)x\(other.columns)")
    var result = Matrix(rows: rows, columns: other.columns)
    guard rows > 0, other.columns > 0, columns > 0 else { return result }
    cblas_dgemm(
      CblasRowMajor, CblasNoTrans, CblasNoTrans,
      Int32(rows), Int32(other.columns), Int32(columns),
      1, storage, Int32(columns), other.storage, Int32(other.columns),
      0, &result.storage, Int32(other.columns))
    return result
  }

  /// The matrix-vector product `self * vector`, computed with `cblas_dgemv`.
  public func multiplied(by vector: [Double]) -> [Double] {
    precondition(
      columns == vector.count, "cannot multiply \(rows)x\(columns) by a vector of \(vector.count)")
    var result = [Double](repeating: 0, count: rows)
    guard rows > 0, columns > 0 else { return result }
    cblas_dgemv(
      CblasRowMajor, CblasNoTrans, Int32(rows), Int32(columns),
      1, storage, Int32(columns), vector, 1, 0, &result, 1)
    return result
  }
}
