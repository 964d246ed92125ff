import RiskMLCore
import RiskMLModels

/// What `--missing` does with a feature value that is empty, `NA`, `NaN` or another
/// missing-value token.
enum MissingFeaturePolicy: String, Sendable, CaseIterable {
  /// The row is bad data: exit 65, or a reject under `--on-error skip`.
  case error
  /// The row is left out and written to `--rejects` with the reason (needs
  /// `--on-error skip`).
  case skip
  /// The value is replaced by the feature's median on the training rows.
  case imputeMedian = "impute-median"
}

/// The options of `riskml anomaly` resolved into the library's `AnomalyOptions` and the
/// command's own settings (features, missing values, output).
///
/// `--algorithm` and `--contamination` fall back from flag, `RISKML_ANOMALY_*` and the
/// `anomaly:` section of config.yaml to the `models.anomaly` section (and its
/// `RISKML_MODELS_ANOMALY_*` variables), then to isolation-forest and 0.1.
struct AnomalySettings: Sendable {
  var model: AnomalyOptions
  /// `--features`, in the order given; nil selects every numeric column.
  var features: [String]?
  var excluded: [String]
  var missing: MissingFeaturePolicy
  /// How many feature names `top_features` lists (0 leaves the field out).
  var topCount: Int

  init(_ session: CommandSession) throws {
    let options = session.options
    let resolver = SettingsResolver(configuration: session.configuration)
    model = AnomalyOptions(algorithm: try Self.algorithm(options, resolver: resolver))
    model.threads = session.threads
    model.threshold = try Self.threshold(options, resolver: resolver)
    model.trees = try Self.positive(options, "trees") ?? model.trees
    model.maxSamples = try Self.positive(options, "max-samples") ?? model.maxSamples
    if let seed = try options.value("seed", expected: "an integer of 0 or more", UInt64.init) {
      model.seed = seed
    }
    model.combine = try options.choice("combine", as: EnsembleCombination.self) ?? .mean
    if let members = try options.list("members") {
      model.ensembleMembers = try members.map { name in
        guard let member = AnomalyAlgorithm(name: name), member != .ensemble else {
          throw UsageError(
            "--members: '\(name)' is not a detector; choose among "
              + Self.memberNames.joined(separator: ", "))
        }
        return member
      }
    }
    if let hidden = try options.list("hidden") {
      model.hiddenLayers = try hidden.map { text in
        guard let size = Int(text), size > 0 else {
          throw UsageError("--hidden: expected positive layer sizes such as 16,4,16")
        }
        return size
      }
    }
    model.epochs = try Self.positive(options, "epochs") ?? model.epochs
    if let rate = try options.double("learning-rate") {
      guard rate > 0 else { throw UsageError("--learning-rate must be positive") }
      model.learningRate = rate
    }
    features = try options.list("features")
    excluded = try options.list("exclude") ?? []
    missing = try options.choice("missing", as: MissingFeaturePolicy.self) ?? .error
    topCount = try options.int("top") ?? 3
    guard topCount >= 0 else { throw UsageError("--top must be 0 or more") }
    // FIXME: a RowJob can drop a row only by rejecting it, and the reject log follows
    // --on-error, so --missing skip cannot leave rows out while bad text still stops the run.
    if missing == .skip, try options.choice("on-error", as: ErrorPolicy.self) != .skip {
      throw UsageError(
        "--missing skip leaves rows out as rejects: add --on-error skip "
          + "(and --rejects FILE to keep them)")
    }
  }

  /// The names `--algorithm` accepts (`_` may replace `-`).
  static let algorithmNames = AnomalyAlgorithm.allCases.map(\.rawValue)

  /// The detectors an ensemble can hold.
  static let memberNames = AnomalyAlgorithm.allCases.filter { $0 != .ensemble }.map(\.rawValue)

  private static func algorithm(
    _ options: OptionValues, resolver: SettingsResolver
  ) throws -> AnomalyAlgorithm {
    let expected = "one of " + algorithmNames.joined(separator: ", ")
    let given = try options.value("algorithm", expected: expected) {
      AnomalyAlgorithm(name: $0)
    }
    if let given { return given }
    let path = ["models", "anomaly", "algorithm"]
    guard let fromModels = try resolver.resolve(path, flag: nil as String?) else {
      return .isolationForest
    }
    guard let algorithm = AnomalyAlgorithm(name: fromModels.value) else {
      let found = "'\(fromModels.value)'"
      switch fromModels.source {
      case .environment(let name):
        throw ConfigError.badEnvironment(variable: name, expected: expected, found: found)
      default:
        let location =
          resolver.configuration.location(path)
          ?? ConfigLocation(file: "\(fromModels.source)", line: 0, column: 0)
        throw ConfigError.wrongType(
          location, key: path.joined(separator: "."), expected: expected, found: found)
      }
    }
    return algorithm
  }

  private static func threshold(
    _ options: OptionValues, resolver: SettingsResolver
  ) throws -> AnomalyThreshold {
    let fixed = try options.double("threshold")
    let contamination = try options.double("contamination")
    let isContaminationFlag = options.resolved("contamination")?.origin == .flag
    if let fixed, !isContaminationFlag { return .fixed(fixed) }
    if fixed != nil, options.resolved("threshold")?.origin == .flag {
      throw UsageError("give --contamination or --threshold, not both")
    }
    let rate =
      try contamination
      ?? resolver.resolve(["models", "anomaly", "contamination"], flag: nil as Double?)?.value
      ?? 0.1
    guard rate > 0, rate <= 0.5 else {
      throw UsageError("--contamination must be in (0, 0.5], got \(Value.formatNumber(rate))")
    }
    return .contamination(rate)
  }

  private static func positive(_ options: OptionValues, _ name: String) throws -> Int? {
    guard let value = try options.int(name) else { return nil }
    guard value > 0 else { throw UsageError("--\(name) must be a positive integer") }
    return value
  }

  /// The settings as the run report's `settings` object.
  func record(features names: [String]) -> Record {
    var record: Record = ["algorithm": .string(model.algorithm.rawValue)]
    switch model.threshold {
    case .contamination(let rate): record["contamination"] = .double(rate)
    case .fixed(let value): record["threshold"] = .double(value)
    }
    switch model.algorithm {
    case .isolationForest, .extendedIsolationForest:
      record["trees"] = .int(model.trees)
      record["max_samples"] = .int(model.maxSamples)
      record["seed"] = .string(String(model.seed))
    case .ensemble:
      record["members"] = .array(model.ensembleMembers.map { .string($0.rawValue) })
      record["combine"] = .string(model.combine.rawValue)
      record["seed"] = .string(String(model.seed))
    case .autoencoder:
      record["epochs"] = .int(model.epochs)
      record["learning_rate"] = .double(model.learningRate)
      record["seed"] = .string(String(model.seed))
    default:
      break
    }
    record["features"] = .array(names.map(Value.string))
    record["missing"] = .string(missing.rawValue)
    return record
  }
}
