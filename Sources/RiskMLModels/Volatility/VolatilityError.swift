import RiskMLCore

/// Why a volatility model cannot be fitted to a series.
///
/// `VolatilityEstimator.fit` throws these for input it will not fit; an optimiser that
/// runs but does not converge is not an error: the fit comes back with `isConverged`
/// false and a message. `record` turns an error into the `converged: false` record the
/// CLI writes for that asset.
public enum VolatilityError: RiskMLError, Equatable, Sendable {
  /// A return at this 0-based position is NaN or infinite.
  case nonFiniteReturn(index: Int)
  /// Fewer observations than `2 k + 10` for `k` parameters.
  case tooFewObservations(count: Int, required: Int)
  /// Every return is the same: the variance is zero.
  case constantSeries
  /// A setting is out of range (an EWMA lambda outside (0, 1), GARCH orders below 1).
  case invalidSpecification(String)

  public var exitCode: ExitCode {
    switch self {
    case .nonFiniteReturn, .constantSeries, .tooFewObservations: .failure
    case .invalidSpecification: .usage
    }
  }

  public var description: String {
    switch self {
    case .nonFiniteReturn(let index):
      "return \(index + 1) is not a finite number"
    case .tooFewObservations(let count, let required):
      "\(count) observations are too few for this model (at least \(required) needed)"
    case .constantSeries:
      "the series is constant: its variance is zero, no volatility model can be fitted"
    case .invalidSpecification(let reason):
      "invalid volatility model: \(reason)"
    }
  }

  /// `{converged: false, message}`: the output record of an asset that could not be fitted.
  public var record: Record {
    ["converged": .bool(false), "message": .string(description)]
  }
}
