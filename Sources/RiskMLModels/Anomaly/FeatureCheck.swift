import RiskMLCore

/// Input checks shared by every detector: emptiness, finiteness, width, constant columns.
enum FeatureCheck {
  /// Throws unless `features` has rows and columns and every value is finite.
  ///
  /// - Complexity: O(rows * columns).
  static func validate(_ features: Matrix, minimumRows: Int = 1) throws {
    guard features.rows > 0, features.columns > 0 else { throw AnomalyError.emptyInput }
    guard features.rows >= minimumRows else {
      throw AnomalyError.tooFewRows(needed: minimumRows, got: features.rows)
    }
    try requireFinite(features)
  }

  /// Throws unless `rows` has `expectedColumns` columns and only finite values.
  static func validateForScoring(_ rows: Matrix, expectedColumns: Int) throws {
    guard rows.columns == expectedColumns else {
      throw AnomalyError.featureCountMismatch(expected: expectedColumns, got: rows.columns)
    }
    try requireFinite(rows)
  }

  private static func requireFinite(_ matrix: Matrix) throws {
    let firstBad = matrix.storage.withUnsafeBufferPointer { values -> Int? in
      for index in values.indices where !values[index].isFinite { return index }
      return nil
    }
    if let index = firstBad {
      throw AnomalyError.nonFinite(
        row: index / matrix.columns, feature: index % matrix.columns,
        value: matrix.storage[index])
    }
  }

  /// The index of the first column whose values are all equal, if any.
  static func firstConstantColumn(_ features: Matrix) -> Int? {
    for column in 0..<features.columns {
      let first = features[0, column]
      var isConstant = true
      for row in 1..<max(features.rows, 1) where features[row, column] != first {
        isConstant = false
        break
      }
      if isConstant { return column }
    }
    return nil
  }

  /// The `count` indices of the largest values, largest first (ties: lower index first).
  static func topIndices(_ values: [Double], count: Int) -> [Int] {
    let order = values.indices.sorted { a, b in
      values[a] != values[b] ? values[a] > values[b] : a < b
    }
    return Array(order.prefix(max(0, count)))
  }
}
