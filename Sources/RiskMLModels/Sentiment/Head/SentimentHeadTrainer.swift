import Dispatch
import Foundation
import RiskMLCore

/// Trains a `SentimentHead` on pooled embeddings of a BERT encoder (`riskml sentiment
/// train`).
///
/// For every combination of pooling, normalisation, class balancing and L2 penalty in
/// `Settings`, fits a multinomial logistic regression on standardised embeddings of the
/// training rows (L-BFGS), scores it on the validation rows, and keeps the one with the
/// best macro-F1 (ties: accuracy, then the larger penalty). The standardisation is folded
/// into the stored weights, so the head is one linear map.
public struct SentimentHeadTrainer: Sendable {
  /// What to try and how.
  public struct Settings: Sendable {
    /// Output labels, in logit order.
    public var labels = ["negative", "neutral", "positive"]
    /// L2 penalties (lambda on the mean log-loss) to try.
    public var penalties: [Double] = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1]
    /// Poolings to try.
    public var poolings: [BertEncoder.Pooling] = [.mean]
    /// Whether to L2-normalise the embeddings; each value is tried.
    public var normalisations: [Bool] = [true, false]
    /// Class weighting (inverse frequency) off and/or on; each value is tried.
    public var balancings: [Bool] = [false, true]
    /// Token limit per text.
    public var maxLength = 128
    /// Fraction of the training rows held out when no validation rows are given.
    public var validationFraction = 0.2
    /// Seed of the shuffle that holds rows out.
    public var seed: UInt64 = 2_024
    /// L-BFGS iteration limit per fit.
    public var maxIterations = 500
    /// The encoder's name, recorded in the manifest.
    public var baseModel = "sentence-transformers/all-MiniLM-L6-v2"

    /// The defaults.
    public init() {}
  }

  /// The encoder that produces embeddings.
  public let encoder: BertEncoder
  /// Its tokenizer.
  public let tokenizer: BertTokenizer

  /// A trainer over the encoder in a model folder (config.json, model.safetensors, vocab).
  public init(folder: URL, backend: any TensorBackend = CPUBackend()) throws {
    encoder = try BertEncoder(folder: folder, backend: backend)
    tokenizer = try BertTokenizer(folder: folder)
  }

  /// Fits and selects a head.
  ///
  /// - Parameters:
  ///   - training: labelled rows to fit on.
  ///   - validation: rows to choose settings on; nil holds out `validationFraction` of
  ///     `training` (seeded shuffle, recorded in the manifest).
  /// - Returns: the chosen head; its manifest records data digests, settings and every
  ///   candidate's validation metrics.
  /// - Throws: `.invalidTrainingData` (65) for unknown labels or too few rows.
  public func train(
    _ training: [LabelledText], validation: [LabelledText]? = nil, settings: Settings = Settings()
  ) throws -> SentimentHead {
    var fitRows = training
    var checkRows = validation ?? []
    if validation == nil {
      (fitRows, checkRows) = Self.split(
        training, fraction: settings.validationFraction, seed: settings.seed)
    }
    let fitLabels = try Self.indices(fitRows, labels: settings.labels)
    let checkLabels = try Self.indices(checkRows, labels: settings.labels)
    guard Set(fitLabels).count >= 2, !checkRows.isEmpty else {
      throw SentimentError.invalidTrainingData(
        reason: "need rows of at least two labels and some validation rows")
    }

    let fitPooled = try pooled(fitRows.map(\.text), maxLength: settings.maxLength)
    let checkPooled = try pooled(checkRows.map(\.text), maxLength: settings.maxLength)
    var jobs: [(BertEncoder.Pooling, Bool, Bool, Double)] = []
    for pooling in settings.poolings {
      for normalised in settings.normalisations {
        for balanced in settings.balancings {
          for penalty in settings.penalties {
            jobs.append((pooling, normalised, balanced, penalty))
          }
        }
      }
    }
    let results = Self.fitAll(jobs, settings: settings) { pooling, normalised in
      (
        Self.features(fitPooled[pooling]!, normalised), fitLabels,
        Self.features(checkPooled[pooling]!, normalised), checkLabels
      )
    }

    let best = results.indices.max { a, b in
      let (x, y) = (results[a].candidate, results[b].candidate)
      return (x.macroF1, x.accuracy, x.penalty) < (y.macroF1, y.accuracy, y.penalty)
    }!
    let chosen = results[best]
    let manifest = SentimentHeadManifest(
      labels: settings.labels, pooling: chosen.candidate.pooling,
      normalised: chosen.candidate.normalised, baseModel: settings.baseModel,
      embeddingDimension: encoder.config.hiddenSize, maxLength: settings.maxLength,
      trainingDigest: LabelledText.digest(fitRows), trainingRows: fitRows.count,
      trainingLabelCounts: Dictionary(
        fitRows.map { ($0.label.lowercased(), 1) }, uniquingKeysWith: +),
      validationDigest: LabelledText.digest(checkRows), validationRows: checkRows.count,
      validationSplitFromTraining: validation == nil, penalty: chosen.candidate.penalty,
      balanced: chosen.candidate.balanced, validationAccuracy: chosen.candidate.accuracy,
      validationMacroF1: chosen.candidate.macroF1, candidates: results.map(\.candidate))
    return SentimentHead(manifest: manifest, weight: chosen.weight, bias: chosen.bias)
  }

  /// Accuracy and macro-F1 of `classifier` on labelled rows (labels matched by name).
  public static func evaluate(
    _ classifier: SentimentClassifier, on rows: [LabelledText]
  ) throws -> ClassificationMetrics {
    let actual = try indices(rows, labels: classifier.labels)
    let predictions = try classifier.classify(rows.map(\.text))
    let predicted = predictions.map { prediction in
      classifier.labels.firstIndex(of: prediction.label) ?? 0
    }
    return ClassificationMetrics(
      predicted: predicted, actual: actual, classes: classifier.labels.count)
  }

  /// Label indices of `rows`, matched case-insensitively after trimming.
  static func indices(_ rows: [LabelledText], labels: [String]) throws -> [Int] {
    let lookup = Dictionary(
      labels.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    return try rows.enumerated().map { number, row in
      let key = row.label.trimmingCharacters(in: .whitespaces).lowercased()
      guard let index = lookup[key] else {
        throw SentimentError.invalidTrainingData(
          reason: "row \(number + 1): label '\(row.label)' is not one of \(labels)")
      }
      return index
    }
  }

  /// Mean and CLS states of `texts`, unnormalised, in input order.
  private func pooled(
    _ texts: [String], maxLength: Int
  ) throws -> [BertEncoder.Pooling: [[Float]]] {
    let ids = texts.map { tokenizer.encode($0, maxLength: maxLength) }
    var result: [BertEncoder.Pooling: [[Float]]] = [:]
    for pooling in BertEncoder.Pooling.allCases {
      result[pooling] = [[Float]](repeating: [], count: ids.count)
    }
    let batcher = LengthBatcher(tokenBudget: 8_192, maxSequences: 128)
    for batch in batcher.batches(lengths: ids.map(\.count)) {
      let states = try encoder.pooledStates(batch.map { ids[$0] })
      for (pooling, vectors) in states {
        for (index, vector) in zip(batch, vectors) { result[pooling]![index] = vector }
      }
    }
    return result
  }

  private static func features(_ vectors: [[Float]], _ normalised: Bool) -> [[Float]] {
    normalised ? vectors.map(BertEncoder.normalise) : vectors
  }

  private static func split(
    _ rows: [LabelledText], fraction: Double, seed: UInt64
  ) -> ([LabelledText], [LabelledText]) {
    var generator = SeededGenerator(seed: seed)
    let shuffled = rows.shuffled(using: &generator)
    let held = min(max(1, Int((Double(rows.count) * fraction).rounded())), max(rows.count - 1, 0))
    return (Array(shuffled.dropFirst(held)), Array(shuffled.prefix(held)))
  }
}
