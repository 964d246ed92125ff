import RiskMLCore

/// Failures of the correlation and covariance estimators.
public enum CorrelationError: RiskMLError, Equatable {
  /// The returns matrix and the asset names disagree in size.
  case assetCountMismatch(columns: Int, names: Int)
  /// Fewer usable dates than the method needs.
  case tooFewObservations(available: Int, needed: Int)
  /// The method cannot use pairwise deletion.
  case pairwiseUnsupported(method: String)
  /// A parameter is outside its range.
  case invalidParameter(name: String, value: Double, expected: String)

  public var exitCode: ExitCode {
    switch self {
    case .assetCountMismatch, .tooFewObservations: return .dataError
    case .pairwiseUnsupported, .invalidParameter: return .usage
    }
  }

  public var description: String {
    switch self {
    case .assetCountMismatch(let columns, let names):
      return "returns have \(columns) columns but \(names) asset names were given"
    case .tooFewObservations(let available, let needed):
      return "only \(available) usable dates (at least \(needed) needed): widen --start/--end, "
        + "use --missing pairwise, or drop assets with short histories"
    case .pairwiseUnsupported(let method):
      return "--missing pairwise is not available for --method \(method): use --missing "
        + "listwise, or pearson, spearman, kendall or covariance"
    case .invalidParameter(let name, let value, let expected):
      return "\(name) = \(value) is out of range: expected \(expected)"
    }
  }
}
