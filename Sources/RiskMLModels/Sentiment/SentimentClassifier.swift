import Foundation

/// A text classifier: a BERT encoder with either its own classifier
/// (`BertForSequenceClassification`, e.g. FinBERT) or a `SentimentHead` on pooled
/// embeddings (e.g. all-MiniLM-L6-v2 + riskml's trained head).
///
/// ```swift
/// let model = try SentimentClassifier.load(
///   folder: URL(fileURLWithPath: "models/all-MiniLM-L6-v2"),
///   head: URL(fileURLWithPath: "assets/sentiment-head"))
/// let predictions = try model.classify(["Profit rose 12%.", "Sales fell sharply."])
/// print(predictions[0].label, predictions[0].score)
/// ```
public struct SentimentClassifier: Sendable {
  /// The encoder.
  public let encoder: BertEncoder
  /// The tokenizer of the model folder.
  public let tokenizer: BertTokenizer
  /// The head on pooled embeddings, or nil when the encoder's own classifier is used.
  public let head: SentimentHead?
  /// Output labels in logit order.
  public private(set) var labels: [String]
  /// The most tokens per text, `[CLS]` and `[SEP]` included.
  public let maxLength: Int
  /// How texts are grouped into forward passes.
  public var batcher: LengthBatcher

  /// Loads a model folder: config.json, model.safetensors, the tokenizer, the head (if
  /// given), then runs one warm-up inference.
  ///
  /// - Parameters:
  ///   - folder: a Hugging Face folder (config.json, model.safetensors, vocab.txt or
  ///     tokenizer.json).
  ///   - labels: replaces the label names (id2label or the head's), same count.
  ///   - head: a folder written by `SentimentHeadTrainer` (head.safetensors,
  ///     manifest.json); required when the model has no classifier of its own.
  ///   - backend: the arithmetic; `CPUBackend()` uses every core.
  ///   - maxLength: token limit, capped at the model's `max_position_embeddings`.
  ///   - batchSize: the most texts per forward pass.
  /// - Throws: `SentimentError`: 66 for missing files, 65 for malformed ones, 64 for a
  ///   labels override of the wrong size.
  public static func load(
    folder: URL, labels: [String]? = nil, head: URL? = nil,
    backend: any TensorBackend = CPUBackend(), maxLength: Int = 512, batchSize: Int = 32
  ) throws -> SentimentClassifier {
    guard FileManager.default.fileExists(atPath: folder.path) else {
      throw SentimentError.missingFile(path: folder.path)
    }
    let encoder = try BertEncoder(folder: folder, backend: backend)
    let tokenizer = try BertTokenizer(folder: folder)
    guard tokenizer.wordPiece.vocabulary.count <= encoder.config.vocabularySize else {
      throw SentimentError.malformedConfiguration(
        path: folder.path, reason: "vocabulary is larger than vocab_size")
    }
    let loadedHead = try head.map { try SentimentHead(directory: $0) }
    var classifier = try SentimentClassifier(
      encoder: encoder, tokenizer: tokenizer, head: loadedHead, maxLength: maxLength)
    classifier.batcher = LengthBatcher(tokenBudget: 16_384, maxSequences: batchSize)
    if let labels { try classifier.relabel(labels) }
    _ = try classifier.logits(tokenIDs: [[tokenizer.classID, tokenizer.separatorID]])
    return classifier
  }

  /// Combines loaded parts; checks that the head fits the encoder.
  init(
    encoder: BertEncoder, tokenizer: BertTokenizer, head: SentimentHead?, maxLength: Int
  ) throws {
    if let head {
      guard head.dimension == encoder.config.hiddenSize else {
        throw SentimentError.unsupportedModel(
          reason: "the head expects \(head.dimension)-wide embeddings, the encoder gives "
            + "\(encoder.config.hiddenSize)")
      }
      labels = head.labels
    } else {
      guard encoder.hasClassifier else {
        throw SentimentError.unsupportedModel(
          reason: "the model has no classifier; give a head folder (assets/sentiment-head)")
      }
      let count = encoder.classifierOutputs
      let named = encoder.config.labels
      labels = named.count == count ? named : (0..<count).map { "LABEL_\($0)" }
    }
    self.encoder = encoder
    self.tokenizer = tokenizer
    self.head = head
    self.maxLength = max(2, min(maxLength, encoder.config.maxPositions))
    self.batcher = LengthBatcher()
  }

  private mutating func relabel(_ names: [String]) throws {
    guard names.count == labels.count else {
      throw SentimentError.invalidLabels(
        reason: "\(names.count) labels given, the model has \(labels.count) outputs")
    }
    guard Set(names).count == names.count else {
      throw SentimentError.invalidLabels(reason: "labels must differ from one another")
    }
    labels = names
  }

  /// Classifies texts; the result for a text does not depend on the others.
  ///
  /// - Parameter truncation: how texts over `maxLength` tokens are cut.
  public func classify(
    _ texts: [String], truncation: BertTokenizer.Truncation = .head
  ) throws -> [SentimentPrediction] {
    let ids = texts.map { tokenizer.encode($0, maxLength: maxLength, truncation: truncation) }
    return try logits(tokenIDs: ids).map { SentimentPrediction(logits: $0, labels: labels) }
  }

  /// The logits of encoded texts, computed in length-grouped batches.
  public func logits(tokenIDs: [[Int]]) throws -> [[Float]] {
    var result = [[Float]](repeating: [], count: tokenIDs.count)
    for batch in batcher.batches(lengths: tokenIDs.map(\.count)) {
      let sequences = batch.map { tokenIDs[$0] }
      let rows: [[Float]]
      if let head {
        rows = try encoder.embeddings(
          sequences, pooling: head.pooling, normalised: head.manifest.normalised
        ).map { head.logits(for: $0) }
      } else {
        rows = try encoder.classifierLogits(sequences)
      }
      for (index, row) in zip(batch, rows) { result[index] = row }
    }
    return result
  }

  /// Sentence embeddings (for MiniLM: mean pooling and L2 normalisation), in batches.
  public func embeddings(
    _ texts: [String], pooling: BertEncoder.Pooling = .mean, normalised: Bool = true
  ) throws -> [[Float]] {
    let ids = texts.map { tokenizer.encode($0, maxLength: maxLength) }
    var result = [[Float]](repeating: [], count: ids.count)
    for batch in batcher.batches(lengths: ids.map(\.count)) {
      let vectors = try encoder.embeddings(
        batch.map { ids[$0] }, pooling: pooling, normalised: normalised)
      for (index, vector) in zip(batch, vectors) { result[index] = vector }
    }
    return result
  }
}
