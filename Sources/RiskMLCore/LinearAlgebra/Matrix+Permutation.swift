extension Matrix {
  /// The square matrix with rows and columns both taken in `order`: element `(i, j)` of
  /// the result is element `(order[i], order[j])` of this one.
  public func permuted(_ order: [Int]) -> Matrix {
    precondition(rows == columns && order.count == rows, "permuted needs a square matrix")
    var result = Matrix(rows: rows, columns: columns)
    for i in 0..<rows {
      for j in 0..<columns { result[i, j] = self[order[i], order[j]] }
    }
    return result
  }

  /// The correlation matrix of a covariance matrix: `c_ij / sqrt(c_ii c_jj)`, NaN where a
  /// variance is zero.
  public var correlationFromCovariance: Matrix {
    let scale = diagonal.map { $0 > 0 ? 1 / $0.squareRoot() : .nan }
    var result = self
    for i in 0..<rows {
      for j in 0..<columns { result[i, j] = self[i, j] * scale[i] * scale[j] }
    }
    return result
  }
}
