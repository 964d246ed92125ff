import RiskMLCore

/// Why a portfolio could not be built, with what to change.
///
/// Exit codes: a covariance that is not positive definite and inputs that do not fit
/// together are data errors (65); constraints or targets that cannot be met, and solver
/// failures, are model failures (1).
public enum PortfolioError: RiskMLError, Equatable {
  /// Input sizes disagree.
  case dimensionMismatch(String)
  /// The covariance matrix is not positive definite.
  case covarianceNotPositiveDefinite(smallestEigenvalue: Double)
  /// The constraints cannot all hold; the message names those in conflict and the fix.
  case infeasibleConstraints(String)
  /// Max-Sharpe needs an attainable return above the risk-free rate.
  case noReturnAboveRiskFree(riskFree: Double, bestAttainable: Double)
  /// A target return outside the attainable range.
  case targetReturnUnattainable(target: Double, minimum: Double, maximum: Double)
  /// A target volatility outside the attainable range.
  case targetVolatilityUnattainable(target: Double, minimum: Double, maximum: Double)
  /// The solver failed for another reason.
  case solverFailed(String)

  /// 65 for data errors, 1 for constraints or targets that cannot be met.
  public var exitCode: ExitCode {
    switch self {
    case .dimensionMismatch, .covarianceNotPositiveDefinite: return .dataError
    default: return .failure
    }
  }

  /// The message shown to the user, saying what to change.
  public var description: String {
    switch self {
    case .dimensionMismatch(let detail):
      return "portfolio inputs do not fit together: \(detail)"
    case .covarianceNotPositiveDefinite(let smallest):
      return "the covariance matrix is not positive definite (smallest eigenvalue "
        + "\(fmt(smallest))): use --cov ledoit-wolf or oas, or --fix-psd, or fewer assets"
    case .infeasibleConstraints(let detail):
      return "the constraints cannot all hold: \(detail)"
    case .noReturnAboveRiskFree(let rf, let best):
      return "max-sharpe needs a portfolio whose expected return exceeds the risk-free rate "
        + "\(fmt(rf)), but the constraints allow at most \(fmt(best)): lower --risk-free "
        + "below \(fmt(best)) or use --objective min-variance"
    case .targetReturnUnattainable(let target, let lo, let hi):
      return "target return \(fmt(target)) is outside the attainable range "
        + "[\(fmt(lo)), \(fmt(hi))]: choose a target in that range"
    case .targetVolatilityUnattainable(let target, let lo, let hi):
      return "target volatility \(fmt(target)) is outside the attainable range "
        + "[\(fmt(lo)), \(fmt(hi))]: choose a target in that range"
    case .solverFailed(let detail):
      return "the portfolio optimiser failed: \(detail)"
    }
  }
}

/// A number with six significant digits for messages.
func fmt(_ x: Double) -> String {
  let scaled = (x * 1e6).rounded() / 1e6
  return abs(x) >= 1e-4 || x == 0 ? "\(scaled)" : "\(x)"
}
