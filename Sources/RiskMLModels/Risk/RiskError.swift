import RiskMLCore

/// Failures of the risk statistics, factor models and scenarios.
public enum RiskError: RiskMLError, Equatable {
  /// Fewer returns than the statistic needs.
  case tooFewReturns(available: Int, needed: Int, statistic: String)
  /// A confidence level outside (0, 1).
  case invalidConfidence(Double)
  /// Weights and assets disagree in size.
  case weightCountMismatch(weights: Int, assets: Int)
  /// The covariance is not positive definite, so it has no Cholesky factor.
  case covarianceNotPositiveDefinite
  /// A parameter is outside its range.
  case invalidParameter(name: String, value: String, expected: String)
  /// A scenario window holds no date of the data.
  case emptyScenarioWindow(name: String, start: String, end: String, first: String, last: String)
  /// A shock names an asset or factor that is not there.
  case unknownShockTarget(name: String, known: [String])
  /// The factor regression's design matrix is singular.
  case singularFactorRegression(asset: String)

  public var exitCode: ExitCode {
    switch self {
    case .tooFewReturns, .weightCountMismatch, .emptyScenarioWindow: return .dataError
    case .invalidConfidence, .invalidParameter, .unknownShockTarget: return .usage
    case .covarianceNotPositiveDefinite, .singularFactorRegression: return .failure
    }
  }

  public var description: String {
    switch self {
    case .tooFewReturns(let available, let needed, let statistic):
      return "\(statistic) needs at least \(needed) returns, \(available) available: "
        + "widen --start/--end"
    case .invalidConfidence(let level):
      return "confidence level \(level) is not in (0, 1): use e.g. 0.95 or 0.99"
    case .weightCountMismatch(let weights, let assets):
      return "\(weights) weights for \(assets) assets: give one weight per asset"
    case .covarianceNotPositiveDefinite:
      return "the covariance is not positive definite, so Monte Carlo cannot draw from it: "
        + "use --cov ledoit-wolf or oas, or --fix-psd"
    case .invalidParameter(let name, let value, let expected):
      return "\(name) = \(value) is invalid: expected \(expected)"
    case .emptyScenarioWindow(let name, let start, let end, let first, let last):
      return "scenario \(name) (\(start) to \(end)) holds no date of the data, which runs "
        + "from \(first) to \(last): change the window or load a longer history"
    case .unknownShockTarget(let name, let known):
      return "shock target \(name) is neither an asset nor a factor: known are "
        + known.joined(separator: ", ")
    case .singularFactorRegression(let asset):
      return "factor regression for \(asset) is singular (a constant or duplicated factor): "
        + "remove the redundant factor"
    }
  }
}
