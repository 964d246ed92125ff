import Foundation
import Testing

@testable import RiskMLModels

/// Document scores on the tiny classifier (its logits mean nothing; the arithmetic does).
@Suite(
  "Document scoring",
  .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct DocumentScoringTests {
  @Test("a document's score is the mean of P(positive) - P(negative) over its sentences")
  func meanOverSentences() throws {
    let folder = SharedData.url("reference/bert/tiny-bert-classifier")
    let classifier = try SentimentClassifier.load(folder: folder, backend: CPUBackend(threads: 1))
    let document = "Profit rose sharply. Sales fell in Europe! Outlook unchanged."
    let score = try #require(try classifier.scoreDocuments([document, ""]).first)
    #expect(score.sentences.count == 3)
    let single = try classifier.classify(score.sentences)
    let expected =
      single.map {
        $0.probability(of: "positive", labels: classifier.labels)
          - $0.probability(of: "negative", labels: classifier.labels)
      }.reduce(0, +) / 3
    #expect(abs(score.score - expected) < 1e-6)
    #expect(try classifier.scoreDocuments([""])[0].score == 0)
  }
}
