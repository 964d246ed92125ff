import Foundation

/// The detectors `riskml anomaly --algorithm` offers.
public enum AnomalyAlgorithm: String, Sendable, Codable, CaseIterable, Equatable {
  case zscore
  case robustZscore = "robust-zscore"
  case iqr
  case ecod
  case copod
  case hbos
  case isolationForest = "isolation-forest"
  case extendedIsolationForest = "extended-isolation-forest"
  case autoencoder
  case ensemble

  /// Parses a name as written on the command line or in config.yaml, accepting `_` for
  /// `-` and any letter case (`isolation_forest`, `Robust-ZScore`).
  public init?(name: String) {
    let normalised = name.lowercased().replacingOccurrences(of: "_", with: "-")
    self.init(rawValue: normalised)
  }

  /// Whether the detector can name the features behind a row's score.
  public var hasFeatureContributions: Bool {
    switch self {
    case .zscore, .robustZscore, .iqr, .ecod, .copod, .hbos, .autoencoder: return true
    case .isolationForest, .extendedIsolationForest, .ensemble: return false
    }
  }
}

/// How an ensemble combines its members' standardised scores.
public enum EnsembleCombination: String, Sendable, Codable, CaseIterable, Equatable {
  /// The average.
  case mean
  /// The largest.
  case max
  /// Average of maximum: the mean over seeded random groups of each group's largest score.
  case aom
}

/// Every option of `riskml anomaly` that shapes a model, with the CLI's defaults.
///
/// `threads` only changes speed, never results, and is not saved with a model.
public struct AnomalyOptions: Sendable, Codable, Equatable {
  public var algorithm: AnomalyAlgorithm = .isolationForest
  /// Isolation forests: number of trees.
  public var trees = 100
  /// Isolation forests: rows per tree, min(maxSamples, n).
  public var maxSamples = 256
  /// Extended isolation forest: extension level, `nil` for fully extended (d - 1).
  public var extensionLevel: Int?
  /// Seed of every random choice (trees, autoencoder, ensemble groups).
  public var seed: UInt64 = 0
  /// HBOS: bins per feature.
  public var hbosBins = 10
  /// Autoencoder: hidden layer sizes (`nil`: [2d, max(1, d/2), 2d]).
  public var hiddenLayers: [Int]?
  public var epochs = 30
  public var batchSize = 64
  public var learningRate = 1e-3
  /// Ensemble: member detectors (not `ensemble`) and how their scores combine.
  public var ensembleMembers: [AnomalyAlgorithm] = [.isolationForest, .ecod, .copod, .hbos]
  public var combine: EnsembleCombination = .mean
  /// Threshold rule: contamination quantile of the training scores or a fixed score.
  public var threshold: AnomalyThreshold = .contamination(0.1)
  /// Worker threads for fitting and scoring.
  public var threads: Int = AnomalyDefaults.threads

  public init(algorithm: AnomalyAlgorithm = .isolationForest) {
    self.algorithm = algorithm
  }

  private enum CodingKeys: String, CodingKey {
    case algorithm, trees, maxSamples, extensionLevel, seed, hbosBins, hiddenLayers
    case epochs, batchSize, learningRate, ensembleMembers, combine, threshold
  }
}
