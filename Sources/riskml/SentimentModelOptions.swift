import Foundation
import RiskMLCore
import RiskMLModels

/// The model settings of `riskml sentiment` (classify and train), each resolved as
/// flag, then `RISKML_SENTIMENT_*`, then the `sentiment:` section, then `models.sentiment`
/// (file or `RISKML_MODELS_SENTIMENT_*`), then the built-in default.
struct SentimentModelOptions {
  /// `--model`: a name or a folder.
  let model: Sourced<String>
  /// `--head`: a head folder, if given.
  let head: String?
  /// `--batch-size`: texts per batch.
  let batchSize: Int
  /// `--device`, as asked (`cpu`, `cuda` or `auto`).
  let device: String
  /// `models.sentiment.version`, recorded in the report.
  let version: String?
  /// Worker threads for OpenBLAS and the element-wise loops.
  let threads: Int

  init(session: CommandSession) throws {
    let options = session.options
    let models = SettingsResolver(configuration: session.configuration)
    func modelSetting<T: ConfigDecodable>(_ key: String, _ type: T.Type) throws -> Sourced<T>? {
      try models.resolve(["models", "sentiment", key], flag: nil)
    }

    if let (text, origin) = options.resolved("model") {
      model = Sourced(text, from: origin)
    } else {
      model =
        try modelSetting("name", String.self)
        ?? Sourced(SentimentModelLocator.defaultName, from: .default)
    }
    head = try options.string("head")
    let size = try options.int("batch-size") ?? modelSetting("batch_size", Int.self)?.value ?? 32
    guard size >= 1 else { throw UsageError("--batch-size must be at least 1") }
    batchSize = size
    device = try options.string("device") ?? modelSetting("device", String.self)?.value ?? "cpu"
    // FIXME: models.sentiment.version is only recorded in the run summary: neither model
    // folders nor heads carry a version that it could be checked against.
    version = try modelSetting("version", String.self)?.value
    threads = session.threads
  }

  /// The CPU backend, after checking the device: `cuda` is an error (exit 1), `auto`
  /// falls back to the CPU and says so under `--verbose`.
  func backend(diagnostics: Diagnostics) throws -> CPUBackend {
    switch device {
    case "cuda":
      throw SentimentCommandError.noCUDABackend
    case "auto":
      diagnostics.info("--device auto: no CUDA backend in this build, running on the CPU")
    default:
      break
    }
    return CPUBackend(threads: threads)
  }

  /// The model's folders, from the name or path.
  func resolve() throws -> SentimentModelLocator.Resolved {
    try SentimentModelLocator().resolve(model: model.value, head: head)
  }

  /// The settings as the run report records them.
  var settingsRecord: Record {
    var record: Record = [
      "model": .string(model.value), "batch_size": .int(batchSize), "device": .string("cpu"),
      "threads": .int(threads),
    ]
    record["head"] = head.map(Value.string) ?? .null
    record["model_version"] = version.map(Value.string) ?? .null
    return record
  }
}
