import RiskMLCore

/// Any fitted detector, as stored in a model file under `"kind"` and `"state"`.
public enum FittedDetector: Sendable, Equatable, Codable {
  case statistical(StatisticalModel)
  case empiricalTail(EmpiricalTailModel)
  case hbos(HBOSModel)
  case isolationForest(IsolationForestModel)
  case extendedIsolationForest(ExtendedIsolationForestModel)
  case autoencoder(AutoencoderModel)
  case ensemble(EnsembleModel)

  /// The wrapped model.
  public var model: any FittedAnomalyDetector {
    switch self {
    case let .statistical(model): return model
    case let .empiricalTail(model): return model
    case let .hbos(model): return model
    case let .isolationForest(model): return model
    case let .extendedIsolationForest(model): return model
    case let .autoencoder(model): return model
    case let .ensemble(model): return model
    }
  }

  /// Fits the detector `options` describe and scores the training rows.
  static func fit(
    _ features: Matrix, options: AnomalyOptions, algorithm: AnomalyAlgorithm
  ) throws -> (detector: FittedDetector, scores: [Double]) {
    let threads = options.threads
    switch algorithm {
    case .zscore, .robustZscore, .iqr:
      let kind = StatisticalDetector.Kind(rawValue: algorithm.rawValue)!
      let (model, scores) = try StatisticalDetector(kind: kind)
        .fitAndScore(features: features, threads: threads)
      return (.statistical(model), scores)
    case .ecod, .copod:
      let rule = EmpiricalTailRule(rawValue: algorithm.rawValue)!
      let (model, scores) = try EmpiricalTailDetector(rule: rule)
        .fitAndScore(features: features, threads: threads)
      return (.empiricalTail(model), scores)
    case .hbos:
      let (model, scores) = try HBOSDetector(bins: options.hbosBins)
        .fitAndScore(features: features, threads: threads)
      return (.hbos(model), scores)
    case .isolationForest:
      let detector = IsolationForestDetector(
        trees: options.trees, maxSamples: options.maxSamples, seed: options.seed,
        threads: threads)
      let (model, scores) = try detector.fitAndScore(features: features, threads: threads)
      return (.isolationForest(model), scores)
    case .extendedIsolationForest:
      let detector = ExtendedIsolationForestDetector(
        trees: options.trees, maxSamples: options.maxSamples,
        extensionLevel: options.extensionLevel, seed: options.seed, threads: threads)
      let (model, scores) = try detector.fitAndScore(features: features, threads: threads)
      return (.extendedIsolationForest(model), scores)
    case .autoencoder:
      let detector = AutoencoderDetector(
        hiddenLayers: options.hiddenLayers, epochs: options.epochs,
        batchSize: options.batchSize, learningRate: options.learningRate, seed: options.seed)
      let (model, scores) = try detector.fitAndScore(features: features, threads: threads)
      return (.autoencoder(model), scores)
    case .ensemble:
      let detector = EnsembleDetector(options: options)
      let (model, scores) = try detector.fitAndScore(features: features, threads: threads)
      return (.ensemble(model), scores)
    }
  }

  private enum CodingKeys: String, CodingKey { case kind, state }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "statistical": self = .statistical(try container.decode(forKey: .state))
    case "empirical-tail": self = .empiricalTail(try container.decode(forKey: .state))
    case "hbos": self = .hbos(try container.decode(forKey: .state))
    case "isolation-forest": self = .isolationForest(try container.decode(forKey: .state))
    case "extended-isolation-forest":
      self = .extendedIsolationForest(try container.decode(forKey: .state))
    case "autoencoder": self = .autoencoder(try container.decode(forKey: .state))
    case "ensemble": self = .ensemble(try container.decode(forKey: .state))
    default: throw AnomalyError.invalidModel("unknown detector kind '\(kind)'")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case let .statistical(model):
      try container.encode("statistical", forKey: .kind)
      try container.encode(model, forKey: .state)
    case let .empiricalTail(model):
      try container.encode("empirical-tail", forKey: .kind)
      try container.encode(model, forKey: .state)
    case let .hbos(model):
      try container.encode("hbos", forKey: .kind)
      try container.encode(model, forKey: .state)
    case let .isolationForest(model):
      try container.encode("isolation-forest", forKey: .kind)
      try container.encode(model, forKey: .state)
    case let .extendedIsolationForest(model):
      try container.encode("extended-isolation-forest", forKey: .kind)
      try container.encode(model, forKey: .state)
    case let .autoencoder(model):
      try container.encode("autoencoder", forKey: .kind)
      try container.encode(model, forKey: .state)
    case let .ensemble(model):
      try container.encode("ensemble", forKey: .kind)
      try container.encode(model, forKey: .state)
    }
  }
}

extension KeyedDecodingContainer {
  fileprivate func decode<T: Decodable>(forKey key: Key) throws -> T {
    try decode(T.self, forKey: key)
  }
}
