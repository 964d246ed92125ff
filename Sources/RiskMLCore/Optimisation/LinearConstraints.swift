/// A linear inequality constraint `coefficients · x <= bound`.
///
/// A lower bound on a sum is written with negated coefficients: `alpha + gamma >= 0` is
/// `LinearInequality(coefficients: [0, -1, -1, 0], bound: 0)`.
public struct LinearInequality: Equatable, Sendable {
  /// One coefficient per parameter.
  public var coefficients: [Double]
  /// The right-hand side `b` of `a · x <= b`.
  public var bound: Double

  public init(coefficients: [Double], bound: Double) {
    self.coefficients = coefficients
    self.bound = bound
  }

  /// `a · x - b`: negative inside the feasible region, zero on the boundary.
  public func slack(at x: [Double]) -> Double {
    var sum = -bound
    for i in x.indices { sum += coefficients[i] * x[i] }
    return sum
  }
}

/// The feasible region of a minimisation: box bounds on every parameter plus linear
/// inequalities.
public struct FeasibleRegion: Equatable, Sendable {
  /// Lower bounds (`-Double.infinity` for none).
  public var lower: [Double]
  /// Upper bounds (`Double.infinity` for none).
  public var upper: [Double]
  /// General linear inequalities `a · x <= b`.
  public var inequalities: [LinearInequality]

  public init(lower: [Double], upper: [Double], inequalities: [LinearInequality] = []) {
    precondition(lower.count == upper.count, "bounds must have one entry per parameter")
    self.lower = lower
    self.upper = upper
    self.inequalities = inequalities
  }

  /// The number of parameters.
  public var dimension: Int { lower.count }

  /// Whether `x` satisfies every bound and inequality within `tolerance`.
  public func contains(_ x: [Double], tolerance: Double = 1e-12) -> Bool {
    for i in x.indices where x[i] < lower[i] - tolerance || x[i] > upper[i] + tolerance {
      return false
    }
    return inequalities.allSatisfy { $0.slack(at: x) <= tolerance }
  }

  /// Every constraint as a row `a · x <= b`: bounds first (lower then upper, finite
  /// ones only), then the general inequalities.
  func rows() -> [ConstraintRow] {
    var rows: [ConstraintRow] = []
    let n = dimension
    for j in 0..<n where lower[j].isFinite {
      var a = [Double](repeating: 0, count: n)
      a[j] = -1
      rows.append(ConstraintRow(a: a, b: -lower[j], boundIndex: j, boundValue: lower[j]))
    }
    for j in 0..<n where upper[j].isFinite {
      var a = [Double](repeating: 0, count: n)
      a[j] = 1
      rows.append(ConstraintRow(a: a, b: upper[j], boundIndex: j, boundValue: upper[j]))
    }
    for c in inequalities {
      rows.append(ConstraintRow(a: c.coefficients, b: c.bound, boundIndex: nil, boundValue: 0))
    }
    return rows
  }
}

/// One constraint in the optimiser's internal form; a bound remembers which parameter
/// and value it fixes so that a parameter landing on it is set exactly.
struct ConstraintRow: Sendable {
  let a: [Double]
  let b: Double
  let boundIndex: Int?
  let boundValue: Double

  func slack(_ x: [Double]) -> Double {
    var sum = -b
    for i in x.indices { sum += a[i] * x[i] }
    return sum
  }

  func dot(_ d: [Double]) -> Double {
    var sum = 0.0
    for i in d.indices { sum += a[i] * d[i] }
    return sum
  }
}
