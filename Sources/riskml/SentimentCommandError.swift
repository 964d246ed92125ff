import RiskMLCore

/// What can go wrong in `riskml sentiment` before the engine runs: finding the model,
/// choosing the device.
enum SentimentCommandError: RiskMLError, Equatable {
  /// No folder for the model (or its head) was found in the places searched.
  case modelNotFound(model: String, searched: [String], isHead: Bool)
  /// `--device cuda` was asked for; riskml has only a CPU backend.
  case noCUDABackend
  /// The model folder is a bare encoder and no `--head` was given.
  case headRequired(folder: String)

  /// 66 for a missing model, 1 for an unavailable device, 64 for a missing `--head`.
  var exitCode: ExitCode {
    switch self {
    case .modelNotFound: return .noInput
    case .noCUDABackend: return .failure
    case .headRequired: return .usage
    }
  }

  var description: String {
    switch self {
    case let .modelNotFound(model, searched, isHead):
      let what = isHead ? "sentiment head for '\(model)'" : "sentiment model '\(model)'"
      return "\(what) not found (looked in \(searched.joined(separator: ", "))); "
        + "run 'make model' (or scripts/fetch-minilm.sh) to fetch the default encoder, "
        + "or give --model DIR with a Hugging Face model folder"
    case .noCUDABackend:
      return "--device cuda: no CUDA backend is available in this build; "
        + "use --device cpu (or auto)"
    case let .headRequired(folder):
      return "\(folder) is an encoder without a classifier: give --head DIR "
        + "(e.g. assets/sentiment-head) or a model with its own classifier"
    }
  }
}
