import RiskMLCore

/// Why an anomaly detector could not be fitted or could not score.
///
/// Row and feature positions are 0-based indices into the matrix handed to the detector;
/// the caller maps them to file lines and column names.
public enum AnomalyError: RiskMLError, Equatable {
  /// The feature matrix has no rows or no columns.
  case emptyInput
  /// A feature value is NaN or infinite.
  case nonFinite(row: Int, feature: Int, value: Double)
  /// A feature takes a single value, so the detector cannot scale it.
  case constantFeature(feature: Int, name: String?)
  /// The detector needs more rows than it was given.
  case tooFewRows(needed: Int, got: Int)
  /// The rows to score do not have as many features as the fitted model.
  case featureCountMismatch(expected: Int, got: Int)
  /// An option is out of range (trees, contamination, window, ...).
  case invalidParameter(String)
  /// A saved model cannot be used: unknown format version or inconsistent content.
  case invalidModel(String)

  public var exitCode: ExitCode {
    switch self {
    case .invalidParameter: return .usage
    default: return .dataError
    }
  }

  public var description: String {
    switch self {
    case .emptyInput:
      return "anomaly: the feature matrix is empty (no rows or no feature columns)"
    case let .nonFinite(row, feature, value):
      return "anomaly: row \(row), feature \(feature) is \(value); features must be finite"
    case let .constantFeature(feature, name):
      let label = name.map { "'\($0)' (index \(feature))" } ?? "index \(feature)"
      return "anomaly: feature \(label) is constant on the training rows and cannot be scaled"
    case let .tooFewRows(needed, got):
      return "anomaly: the detector needs at least \(needed) rows, got \(got)"
    case let .featureCountMismatch(expected, got):
      return "anomaly: the model was fitted on \(expected) features, the rows have \(got)"
    case let .invalidParameter(message):
      return "anomaly: \(message)"
    case let .invalidModel(message):
      return "anomaly: unusable model file: \(message)"
    }
  }
}

extension AnomalyError {
  /// Returns a copy of a constant-feature error naming the feature, if names are known.
  func naming(_ names: [String]) -> AnomalyError {
    guard case let .constantFeature(feature, nil) = self, feature < names.count else {
      return self
    }
    return .constantFeature(feature: feature, name: names[feature])
  }
}
