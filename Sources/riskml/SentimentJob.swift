import RiskMLCore
import RiskMLModels

/// The sentiment pipeline: rows stream in batches through the classifier; each row is
/// written back with `label`, `score`, `probs` (and `logits`), or with `--document` its
/// document score and per-sentence labels.
struct SentimentJob: RowJob {
  /// One row to classify: its text and the record it came as.
  struct Item: Sendable {
    let text: String
    let record: Record
  }

  /// What the model said about one row.
  enum Result: Sendable {
    case sentence(SentimentPrediction)
    case document(DocumentScore)
  }

  let classifier: SentimentClassifier
  let textField: String
  let batchSize: Int
  let truncation: BertTokenizer.Truncation
  let minimumConfidence: Float?
  let writesLogits: Bool
  let scoresDocuments: Bool

  /// Label written when the top probability is below `--min-confidence`.
  static let uncertainLabel = "uncertain"

  /// The text of a row: a non-empty string in the text field.
  ///
  /// - Throws: `InputError.missingValue` for an absent, null or blank field,
  ///   `.badValue` for a JSON value that is not a string.
  func preprocess(_ row: TableRow, reader: TableReader) throws -> Item {
    let record = reader.record(of: row)
    let column = reader.header.firstIndex(of: textField)
    let position = reader.position(of: row).at(
      column: column.map { $0 + 1 }, field: textField)
    switch record[textField] {
    case .string(let text):
      guard text.contains(where: { !$0.isWhitespace }) else {
        throw InputError.missingValue(position, expected: "a non-empty text")
      }
      return Item(text: text, record: record)
    case nil, .null:
      throw InputError.missingValue(position, expected: "a text")
    case let value?:
      throw InputError.badValue(position, value: value.summaryText, expected: "a string")
    }
  }

  func infer(_ batch: [Item]) throws -> [Result] {
    let texts = batch.map(\.text)
    if scoresDocuments {
      return try classifier.scoreDocuments(texts, truncation: truncation).map(Result.document)
    }
    return try classifier.classify(texts, truncation: truncation).map(Result.sentence)
  }

  func postprocess(_ result: Result, item: Item) throws -> Record {
    var record = item.record
    switch result {
    case .sentence(let prediction):
      record["label"] = .string(label(of: prediction))
      record["score"] = .float(prediction.score)
      record["probs"] = .object(perLabel(prediction.probabilities))
      if writesLogits { record["logits"] = .object(perLabel(prediction.logits)) }
    case .document(let document):
      record["score"] = .float(document.score)
      record["sentences"] = .int(document.sentences.count)
      record["labels"] = .array(document.predictions.map { .string(label(of: $0)) })
    }
    return record
  }

  /// The prediction's label, or `uncertain` below the confidence threshold.
  private func label(of prediction: SentimentPrediction) -> String {
    if let minimumConfidence, prediction.score < minimumConfidence { return Self.uncertainLabel }
    return prediction.label
  }

  private func perLabel(_ values: [Float]) -> Record {
    var record = Record()
    for (name, value) in zip(classifier.labels, values) { record[name] = .float(value) }
    return record
  }
}

extension Value {
  /// The value as short text for messages: strings as they are, others as JSON.
  var summaryText: String {
    if case .string(let text) = self { return text }
    return jsonText
  }

  /// A `Float` as the shortest decimal that reads back as the same `Float` (0.7, not
  /// 0.699999988079071); `null` when it is not finite.
  static func float(_ x: Float) -> Value {
    x.isFinite ? .double(Double(x.description) ?? Double(x)) : .null
  }
}
