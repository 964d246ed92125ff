import Foundation

/// One linear constraint `a'x = b` or `a'x >= b`, with dense coefficients.
public struct LinearConstraint: Sendable, Equatable {
  /// The coefficient vector `a`, one entry per variable.
  public var coefficients: [Double]
  /// The right-hand side `b`.
  public var bound: Double
  /// A name used in diagnostics (for example "budget" or "group tech max").
  public var name: String

  /// A constraint with coefficients `a`, right-hand side `b` and a diagnostic name.
  public init(coefficients: [Double], bound: Double, name: String = "") {
    self.coefficients = coefficients
    self.bound = bound
    self.name = name
  }
}

/// A convex quadratic program in the form
///
///     minimise    1/2 x'Qx + c'x
///     subject to  A_eq x  = b_eq
///                 A_in x >= b_in
///                 lower <= x <= upper
///
/// `Q` must be symmetric positive definite (the dual active-set method factors it once).
/// Bounds may be infinite; infinite bounds add no constraint.
public struct QuadraticProgram: Sendable {
  /// The Hessian `Q` (n x n, symmetric positive definite).
  public var hessian: Matrix
  /// The linear term `c`.
  public var linear: [Double]
  /// Equality constraints `a'x = b`.
  public var equalities: [LinearConstraint]
  /// Inequality constraints `a'x >= b`.
  public var inequalities: [LinearConstraint]
  /// Per-variable lower bounds (`-infinity` for none).
  public var lower: [Double]
  /// Per-variable upper bounds (`+infinity` for none).
  public var upper: [Double]

  /// The number of variables.
  public var dimension: Int { linear.count }

  /// A program; nil bounds mean none (infinite).
  public init(
    hessian: Matrix, linear: [Double], equalities: [LinearConstraint] = [],
    inequalities: [LinearConstraint] = [], lower: [Double]? = nil, upper: [Double]? = nil
  ) {
    let n = linear.count
    precondition(hessian.rows == n && hessian.columns == n, "Hessian must be \(n)x\(n)")
    precondition(
      (equalities + inequalities).allSatisfy { $0.coefficients.count == n },
      "every constraint needs \(n) coefficients")
    self.hessian = hessian
    self.linear = linear
    self.equalities = equalities
    self.inequalities = inequalities
    self.lower = lower ?? Array(repeating: -.infinity, count: n)
    self.upper = upper ?? Array(repeating: .infinity, count: n)
    precondition(self.lower.count == n && self.upper.count == n, "bounds need \(n) entries")
  }

  /// The objective `1/2 x'Qx + c'x` at `x`.
  public func objective(at x: [Double]) -> Double {
    let qx = hessian.multiplied(by: x)
    var value = 0.0
    for i in 0..<x.count { value += x[i] * (0.5 * qx[i] + linear[i]) }
    return value
  }
}

/// The optimum of a `QuadraticProgram` with its Lagrange multipliers.
public struct QuadraticProgramSolution: Sendable {
  /// The minimiser.
  public let x: [Double]
  /// The objective value at `x`.
  public let objective: Double
  /// Multipliers of the equality constraints (stationarity: `Qx + c = A'λ + ...`).
  public let equalityMultipliers: [Double]
  /// Multipliers (>= 0) of the inequality constraints.
  public let inequalityMultipliers: [Double]
  /// Multipliers (>= 0) of the lower bounds.
  public let lowerMultipliers: [Double]
  /// Multipliers (>= 0) of the upper bounds.
  public let upperMultipliers: [Double]
  /// Constraints added or dropped by the active-set method.
  public let iterations: Int
  /// The largest of the stationarity, primal feasibility, dual feasibility and
  /// complementarity residuals (infinity norm).
  public let kktResidual: Double
}

/// Why a quadratic program could not be solved.
public enum QuadraticProgramError: RiskMLError, Equatable {
  /// No point satisfies the constraints; `constraint` names the one the dual method could
  /// not add (with the active constraints it conflicts with).
  case infeasible(constraint: String, conflicting: [String])
  /// The Hessian is not positive definite.
  case hessianNotPositiveDefinite
  /// The iteration limit was reached (cycling on a degenerate problem).
  case iterationLimit(Int)

  /// All are models that cannot be fitted (exit 1), as `PortfolioError` treats them.
  public var exitCode: ExitCode { .failure }

  /// The message shown to the user.
  public var description: String {
    switch self {
    case .infeasible(let constraint, let conflicting):
      let others =
        conflicting.isEmpty
        ? "" : " together with " + conflicting.joined(separator: ", ")
      return "the constraints are infeasible: \(constraint) cannot hold\(others)"
    case .hessianNotPositiveDefinite:
      return "the quadratic term is not positive definite"
    case .iterationLimit(let n):
      return "the quadratic-program solver stopped after \(n) iterations without converging"
    }
  }
}
