import RiskMLCore

/// Everything that can go wrong while loading, running or training a sentiment model.
///
/// Every case names the file it is about, so that the CLI can print one clear line.
public enum SentimentError: RiskMLError, Equatable {
  /// A file or folder the model needs does not exist or cannot be read.
  case missingFile(path: String)
  /// A safetensors file is malformed: too short, bad header, offsets out of range.
  case malformedWeights(path: String, reason: String)
  /// A tensor the architecture needs is absent from the weights.
  case missingTensor(path: String, name: String)
  /// A tensor has another shape than the configuration implies.
  case shapeMismatch(path: String, name: String, expected: [Int], actual: [Int])
  /// config.json, manifest.json or the vocabulary cannot be understood.
  case malformedConfiguration(path: String, reason: String)
  /// The model folder describes something this engine does not run.
  case unsupportedModel(reason: String)
  /// Labelled data for training is unusable (too few rows, unknown label).
  case invalidTrainingData(reason: String)
  /// A labels override does not fit the model (wrong count, duplicates).
  case invalidLabels(reason: String)
  /// An output file cannot be written.
  case cannotWrite(path: String, reason: String)

  /// 66 for an absent input, 73 for an unwritable output, 64 for a bad labels override,
  /// 65 for everything else.
  public var exitCode: ExitCode {
    switch self {
    case .missingFile: return .noInput
    case .invalidLabels: return .usage
    case .cannotWrite: return .cannotCreate
    default: return .dataError
    }
  }

  /// A one-line message for the user.
  public var description: String {
    switch self {
    case let .missingFile(path):
      return "\(path): no such file or it cannot be read"
    case let .malformedWeights(path, reason):
      return "\(path): malformed safetensors file: \(reason)"
    case let .missingTensor(path, name):
      return "\(path): tensor '\(name)' is missing"
    case let .shapeMismatch(path, name, expected, actual):
      return "\(path): tensor '\(name)' has shape \(actual), expected \(expected)"
    case let .malformedConfiguration(path, reason):
      return "\(path): \(reason)"
    case let .unsupportedModel(reason):
      return "unsupported model: \(reason)"
    case let .invalidTrainingData(reason):
      return "training data: \(reason)"
    case let .invalidLabels(reason):
      return "labels: \(reason)"
    case let .cannotWrite(path, reason):
      return "\(path): cannot write: \(reason)"
    }
  }
}
