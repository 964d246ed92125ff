extension PortfolioProblemBuilder {
  /// The LP `min objective'v` over the constraint set, with `extraColumns` more variables
  /// (bounds given) appended after `v` and no constraint rows of their own.
  func linearProgram(
    objective: [Double], extraLower: [Double] = [], extraUpper: [Double] = [],
    dropping skipped: Set<String> = []
  ) -> LinearProgram {
    let extra = extraLower.count
    var program = LinearProgram(
      objective: objective, columnLower: lower + extraLower, columnUpper: upper + extraUpper)
    let padding = [Double](repeating: 0, count: extra)
    for row in equalities {
      program.append(row.coefficients + padding, lower: row.bound, upper: row.bound)
    }
    for row in inequalities where !skipped.contains(row.name) {
      program.append(row.coefficients + padding, lower: row.bound, upper: .infinity)
    }
    return program
  }

  /// The largest (or, with `maximise` false, smallest) attainable `mu'w`, with the
  /// weights that attain it; nil when the constraints are infeasible.
  func extremeReturn(_ mu: [Double], maximise: Bool) -> (value: Double, weights: [Double])? {
    let sign = maximise ? -1.0 : 1.0
    let c = mu.map { sign * $0 } + Array(repeating: 0, count: variableCount - n)
    guard
      case .optimal(let x, let value, _) = GLPKSimplexSolver().solve(
        linearProgram(objective: c))
    else { return nil }
    return (sign * value, Array(x[0..<n]))
  }
}
