import Foundation
import Testing

@testable import RiskMLModels

/// Checks against ../shared/reference/bert/bert_reference.json (PyTorch 2.15,
/// transformers 5.24): token ids, the tiny classifier's logits and MiniLM embeddings.
@Suite(
  "BERT reference (bert_reference.json)",
  .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct BertReferenceTests {
  static func reference() throws -> [String: Any] {
    let data = try Data(contentsOf: SharedData.url("reference/bert/bert_reference.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func floats(_ value: Any?) -> [[Float]] {
    (value as? [[NSNumber]] ?? []).map { $0.map(\.floatValue) }
  }

  @Test("token ids equal the reference for all 12 sentences")
  func tokenIDs() throws {
    let reference = try Self.reference()
    let sentences = try #require(reference["sentences"] as? [String])
    let tokenizer = try #require(reference["tokenizer"] as? [String: Any])
    let expected = try #require(tokenizer["input_ids"] as? [[Int]])
    let maxLength = try #require(tokenizer["max_length"] as? Int)
    let bert = try BertTokenizer(
      folder: SharedData.url("reference/bert/tiny-bert-classifier"))
    #expect(sentences.count == 12)
    for (sentence, ids) in zip(sentences, expected) {
      #expect(bert.encode(sentence, maxLength: maxLength) == ids, "\(sentence.debugDescription)")
    }
  }

  @Test("token ids from tokenizer.json equal those from vocab.txt")
  func tokenizerJSONVocabulary() throws {
    let folder = SharedData.url("reference/bert/tiny-bert-classifier")
    let text = try Vocabulary(vocabTxt: folder.appendingPathComponent("vocab.txt"))
    let json = try Vocabulary(tokenizerJSON: folder.appendingPathComponent("tokenizer.json"))
    #expect(text.ids == json.ids)
  }

  @Test(
    "tiny classifier logits match the reference",
    arguments: [
      ("tiny-bert-classifier", "tiny_classifier", 1e-4 as Float),
      ("tiny-bert-classifier-f16", "tiny_classifier_f16", 1e-3 as Float),
    ])
  func tinyClassifier(folderName: String, key: String, tolerance: Float) throws {
    let reference = try Self.reference()
    let sentences = try #require(reference["sentences"] as? [String])
    let expected = Self.floats((reference[key] as? [String: Any])?["logits"])
    let folder = SharedData.url("reference/bert/" + folderName)
    let tokenizer = try BertTokenizer(folder: folder)
    let encoder = try BertEncoder(folder: folder, backend: CPUBackend(threads: 2))
    let ids = sentences.map { tokenizer.encode($0, maxLength: 64) }
    let logits = try encoder.classifierLogits(ids)
    #expect(expected.count == 12)
    for (row, (actual, wanted)) in zip(logits, expected).enumerated() {
      let error = zip(actual, wanted).map { abs($0 - $1) }.max() ?? .infinity
      #expect(actual.count == wanted.count && error <= tolerance, "sentence \(row): \(error)")
    }
  }
}
