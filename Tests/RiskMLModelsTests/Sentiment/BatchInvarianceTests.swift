import Foundation
import Testing

@testable import RiskMLModels

/// A sentence's logits must not depend on the batch it is in.
@Suite(
  "Batch invariance",
  .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct BatchInvarianceTests {
  @Test("a sentence alone and in a batch of other lengths gives the same logits to 1e-5")
  func aloneAndInBatch() throws {
    let folder = SharedData.url("reference/bert/tiny-bert-classifier")
    let classifier = try SentimentClassifier.load(
      folder: folder, backend: CPUBackend(threads: 2), maxLength: 64)
    let target = "The company's shares plunged 12% after it cut its full-year guidance."
    let others = [
      "Up.", "Net sales remained flat at $4.2bn; margins were unchanged.",
      String(repeating: "Revenue increased again and again. ", count: 10), "",
    ]
    let alone = try classifier.classify([target])[0].logits
    let batched = try classifier.classify(others + [target] + others)
    let error = zip(alone, batched[others.count].logits).map { abs($0 - $1) }.max()!
    #expect(error <= 1e-5, "difference \(error)")
    #expect(classifier.labels == ["positive", "negative", "neutral"])
  }

  @Test("length batching respects the token budget and keeps every index once")
  func batcher() {
    let lengths = [5, 30, 7, 100, 3, 3, 50]
    let batches = LengthBatcher(tokenBudget: 40, maxSequences: 3).batches(lengths: lengths)
    #expect(batches.flatMap { $0 }.sorted() == Array(lengths.indices))
    for batch in batches where batch.count > 1 {
      #expect(batch.map { lengths[$0] }.reduce(0, +) <= 40 && batch.count <= 3)
    }
  }

  @Test("a labels override of the wrong size is a usage error (64)")
  func labelsOverride() throws {
    let folder = SharedData.url("reference/bert/tiny-bert-classifier")
    let error = try #require(throws: SentimentError.self) {
      try SentimentClassifier.load(
        folder: folder, labels: ["a", "b"], backend: CPUBackend(threads: 1))
    }
    #expect(error.exitCode == .usage)
    let renamed = try SentimentClassifier.load(
      folder: folder, labels: ["up", "down", "flat"], backend: CPUBackend(threads: 1))
    #expect(renamed.labels == ["up", "down", "flat"])
  }
}
