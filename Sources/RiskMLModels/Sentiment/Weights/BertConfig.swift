import Foundation

/// The subset of a Hugging Face BERT `config.json` that the engine needs.
///
/// Missing keys take the defaults of `transformers.BertConfig` (bert-base-uncased sizes,
/// layer-norm epsilon 1e-12). Labels come from `id2label`; without it they are
/// `LABEL_0`, `LABEL_1`, ... as transformers names them.
public struct BertConfig: Sendable, Equatable {
  /// Vocabulary size: rows of the word-embedding matrix.
  public var vocabularySize = 30522
  /// Width of the hidden states.
  public var hiddenSize = 768
  /// Number of encoder layers.
  public var layerCount = 12
  /// Number of attention heads; divides `hiddenSize`.
  public var headCount = 12
  /// Width of the feed-forward layer.
  public var intermediateSize = 3072
  /// Longest sequence the position embeddings cover.
  public var maxPositions = 512
  /// Rows of the token-type embedding matrix.
  public var typeVocabularySize = 2
  /// Epsilon of every layer norm.
  public var layerNormEpsilon: Float = 1e-12
  /// The activation of the feed-forward layer; only `gelu` (exact, erf) is run.
  public var hiddenActivation = "gelu"
  /// `architectures[0]`, e.g. `BertModel` or `BertForSequenceClassification`.
  public var architecture = "BertModel"
  /// Class labels in index order, from `id2label`; empty for a bare encoder.
  public var labels: [String] = []

  /// The defaults.
  public init() {}

  /// Reads `config.json`.
  ///
  /// - Throws: `.missingFile` (66) if absent; `.malformedConfiguration` (65) if it is not a
  ///   JSON object, a size is not a positive integer, or the heads do not divide the width.
  public init(url: URL) throws {
    guard let data = try? Data(contentsOf: url) else {
      throw SentimentError.missingFile(path: url.path)
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SentimentError.malformedConfiguration(path: url.path, reason: "not a JSON object")
    }
    try self.init(json: object, path: url.path)
  }

  /// Builds a configuration from a parsed `config.json`; `path` names it in errors.
  public init(json: [String: Any], path: String) throws {
    func integer(_ key: String, _ fallback: Int) throws -> Int {
      guard let value = json[key], !(value is NSNull) else { return fallback }
      guard let number = value as? NSNumber, number.intValue > 0,
        Double(number.intValue) == number.doubleValue
      else {
        throw SentimentError.malformedConfiguration(
          path: path, reason: "\(key) must be a positive integer")
      }
      return number.intValue
    }
    vocabularySize = try integer("vocab_size", vocabularySize)
    hiddenSize = try integer("hidden_size", hiddenSize)
    layerCount = try integer("num_hidden_layers", layerCount)
    headCount = try integer("num_attention_heads", headCount)
    intermediateSize = try integer("intermediate_size", intermediateSize)
    maxPositions = try integer("max_position_embeddings", maxPositions)
    typeVocabularySize = try integer("type_vocab_size", typeVocabularySize)
    if let epsilon = json["layer_norm_eps"] as? NSNumber {
      layerNormEpsilon = epsilon.floatValue
    }
    if let activation = json["hidden_act"] as? String { hiddenActivation = activation }
    if let positions = json["position_embedding_type"] as? String, positions != "absolute" {
      throw SentimentError.unsupportedModel(
        reason: "position_embedding_type \(positions); only absolute positions are implemented")
    }
    if let type = json["model_type"] as? String, type != "bert" {
      // FIXME: DistilBERT (model_type distilbert) and RoBERTa-style models are not run yet.
      throw SentimentError.unsupportedModel(reason: "model_type \(type); only bert is implemented")
    }
    if let names = json["architectures"] as? [String], let first = names.first {
      architecture = first
    }
    labels = try Self.labels(json["id2label"], path: path)
    guard hiddenSize % headCount == 0 else {
      throw SentimentError.malformedConfiguration(
        path: path, reason: "hidden_size \(hiddenSize) is not a multiple of \(headCount) heads")
    }
  }

  private static func labels(_ value: Any?, path: String) throws -> [String] {
    guard let map = value as? [String: Any], !map.isEmpty else { return [] }
    var byIndex: [Int: String] = [:]
    for (key, name) in map {
      guard let index = Int(key), let label = name as? String else {
        throw SentimentError.malformedConfiguration(
          path: path, reason: "id2label must map integer keys to strings")
      }
      byIndex[index] = label
    }
    let labels = (0..<byIndex.count).compactMap { byIndex[$0] }
    guard labels.count == byIndex.count else {
      throw SentimentError.malformedConfiguration(
        path: path, reason: "id2label keys must be 0..<\(byIndex.count)")
    }
    return labels
  }

  /// Width of one attention head.
  public var headSize: Int { hiddenSize / headCount }
}
