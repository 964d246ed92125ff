/// The sentiment of a document: the mean over its sentences of P(positive) - P(negative).
public struct DocumentScore: Sendable, Equatable {
  /// The mean of P(positive) - P(negative) over the sentences, in [-1, 1]; 0 for an
  /// empty document.
  public let score: Float
  /// The sentences the document was split into.
  public let sentences: [String]
  /// One prediction per sentence.
  public let predictions: [SentimentPrediction]
}

extension SentimentClassifier {
  /// Splits each document into sentences, classifies all sentences together, and
  /// averages P(positive) - P(negative) per document.
  ///
  /// Labels are found by name (`positive`, `negative`, any case); a model without them
  /// scores 0.
  public func scoreDocuments(
    _ documents: [String], splitter: SentenceSplitter = SentenceSplitter(),
    truncation: BertTokenizer.Truncation = .head
  ) throws -> [DocumentScore] {
    let split = documents.map { splitter.sentences($0) }
    let predictions = try classify(split.flatMap { $0 }, truncation: truncation)
    var offset = 0
    return split.map { sentences in
      let own = Array(predictions[offset..<(offset + sentences.count)])
      offset += sentences.count
      let total = own.reduce(Float(0)) { sum, prediction in
        sum + prediction.probability(of: "positive", labels: labels)
          - prediction.probability(of: "negative", labels: labels)
      }
      return DocumentScore(
        score: own.isEmpty ? 0 : total / Float(own.count), sentences: sentences,
        predictions: own)
    }
  }
}
