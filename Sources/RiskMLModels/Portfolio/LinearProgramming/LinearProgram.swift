/// One row `lower <= sum_k values[k] x[indices[k]] <= upper` of a linear program.
struct SparseRow: Sendable {
  var indices: [Int]
  var values: [Double]
  var lower: Double
  var upper: Double
}

/// A linear program `min c'x` subject to row ranges and column bounds (infinite ends
/// mean no bound).
struct LinearProgram: Sendable {
  var objective: [Double]
  var columnLower: [Double]
  var columnUpper: [Double]
  var rows: [SparseRow] = []

  init(objective: [Double], columnLower: [Double], columnUpper: [Double]) {
    self.objective = objective
    self.columnLower = columnLower
    self.columnUpper = columnUpper
  }

  /// Adds the rows of portfolio constraints (`a'v = b` or `a'v >= b`), dropping zeros.
  mutating func append(_ constraint: [Double], lower: Double, upper: Double) {
    var indices: [Int] = []
    var values: [Double] = []
    for (k, a) in constraint.enumerated() where a != 0 {
      indices.append(k)
      values.append(a)
    }
    rows.append(SparseRow(indices: indices, values: values, lower: lower, upper: upper))
  }
}

/// What the LP solver found.
enum LinearProgramOutcome: Sendable {
  case optimal(x: [Double], objective: Double, iterations: Int)
  case infeasible
  case unbounded
  case failed(String)
}
