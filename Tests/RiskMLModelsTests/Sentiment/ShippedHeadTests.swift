import Foundation
import Testing

@testable import RiskMLModels

/// The head committed in assets/sentiment-head.
@Suite("Shipped sentiment head")
struct ShippedHeadTests {
  static let folder = SharedData.packageRoot.appendingPathComponent("assets/sentiment-head")

  @Test("loads, with labels negative, neutral, positive on 384-wide mean-pooled embeddings")
  func loads() throws {
    let head = try SentimentHead(directory: Self.folder)
    #expect(head.labels == ["negative", "neutral", "positive"])
    #expect(head.dimension == 384)
    #expect(head.pooling == .mean)
    #expect(head.manifest.baseModel == "sentence-transformers/all-MiniLM-L6-v2")
  }

  @Test(
    "MiniLM with the head reads plain financial headlines the right way",
    .enabled(if: MiniLMFolder.isAvailable, MiniLMFolder.absentMessage))
  func classifies() throws {
    let classifier = try SentimentClassifier.load(
      folder: MiniLMFolder.url, head: Self.folder, backend: CPUBackend(threads: 2))
    let labels = try classifier.classify([
      "Quarterly profit jumped 40% and the company raised its full-year outlook.",
      "Shares plunged after the company reported a surprise loss and cut its dividend.",
    ]).map(\.label)
    #expect(labels == ["positive", "negative"])
  }
}
