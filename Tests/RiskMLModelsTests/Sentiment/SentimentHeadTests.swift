import Foundation
import Testing

@testable import RiskMLModels

@Suite("SentimentHead and its trainer")
struct SentimentHeadTests {
  @Test("SHA-256 of known messages")
  func digest() {
    #expect(
      SHA256Digest.hex(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256Digest.hex(of: [UInt8]())
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    #expect(
      SHA256Digest.hex(of: long)
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("metrics: accuracy and macro-F1")
  func metrics() {
    let metrics = ClassificationMetrics(predicted: [0, 0, 1, 2], actual: [0, 1, 1, 2], classes: 3)
    #expect(metrics.accuracy == 0.75)
    #expect(abs(metrics.macroF1 - (2.0 / 3 + 2.0 / 3 + 1) / 3) < 1e-12)
  }

  @Test("logistic regression separates separable classes")
  func logisticRegression() {
    var features: [Double] = []
    var labels: [Int] = []
    for i in 0..<60 {
      let k = i % 3
      features += [Double(k == 0 ? 2 : -1) + Double(i % 7) * 0.1, Double(k == 1 ? 2 : -1)]
      labels.append(k)
    }
    let model = LogisticRegression(
      features: features, labels: labels, classes: 3, dimension: 2, penalty: 1e-3,
      sampleWeights: Array(repeating: 1, count: 60))
    let predicted = (0..<60).map { i in
      features.withUnsafeBufferPointer { buffer in
        let scores = model.logits(UnsafeBufferPointer(rebasing: buffer[(2 * i)..<(2 * i + 2)]))
        return scores.indices.max { scores[$0] < scores[$1] }!
      }
    }
    #expect(predicted == labels)
  }

  @Test("a head writes and reads back; a broken manifest is exit 65")
  func headRoundTrip() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("riskml-head-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let manifest = SentimentHeadManifest(
      labels: ["negative", "positive"], pooling: "mean", normalised: true, baseModel: "test",
      embeddingDimension: 2, maxLength: 16, trainingDigest: "x", trainingRows: 2,
      trainingLabelCounts: ["negative": 1, "positive": 1], validationDigest: "y",
      validationRows: 1, validationSplitFromTraining: false, penalty: 0.1, balanced: false,
      validationAccuracy: 1, validationMacroF1: 1, candidates: [])
    let head = SentimentHead(manifest: manifest, weight: [1, 2, 3, 4], bias: [0.5, -0.5])
    try head.write(to: folder)
    let loaded = try SentimentHead(directory: folder)
    #expect(loaded.manifest == manifest)
    #expect(loaded.logits(for: [1, 1]) == [3.5, 6.5])

    try Data("{}".utf8).write(to: folder.appendingPathComponent("manifest.json"))
    let error = try #require(throws: SentimentError.self) { try SentimentHead(directory: folder) }
    #expect(error.exitCode == .dataError)
  }

  @Test(
    "the trainer fits a head on the tiny encoder and the classifier uses it",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func trainOnTinyEncoder() throws {
    let folder = SharedData.url("reference/bert/tiny-bert-classifier")
    let trainer = try SentimentHeadTrainer(folder: folder, backend: CPUBackend(threads: 2))
    let words = ["profit rose", "sales fell", "results were flat"]
    let labels = ["positive", "negative", "neutral"]
    let rows = (0..<60).map { i in
      LabelledText(text: "\(words[i % 3]) in quarter \(i)", label: labels[i % 3])
    }
    var settings = SentimentHeadTrainer.Settings()
    settings.penalties = [1e-3]
    settings.balancings = [false]
    let head = try trainer.train(rows, settings: settings)
    #expect(head.manifest.validationSplitFromTraining)
    #expect(head.manifest.trainingRows + head.manifest.validationRows == 60)
    #expect(head.manifest.validationAccuracy > 0.9)

    let classifier = try SentimentClassifier(
      encoder: trainer.encoder, tokenizer: trainer.tokenizer, head: head, maxLength: 64)
    let metrics = try SentimentHeadTrainer.evaluate(classifier, on: rows)
    #expect(metrics.accuracy > 0.9)
    #expect(throws: SentimentError.self) {
      try trainer.train([LabelledText(text: "x", label: "bullish")] + rows, settings: settings)
    }
  }
}
