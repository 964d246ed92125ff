import Foundation
import Testing

@testable import RiskMLModels

/// all-MiniLM-L6-v2 sentence embeddings against bert_reference.json (mean pooling,
/// L2 norm, max_length 256), within 1e-4 per component.
@Suite(
  "MiniLM embeddings (bert_reference.json)",
  .enabled(if: SharedData.isAvailable, SharedData.absentMessage),
  .enabled(if: MiniLMFolder.isAvailable, MiniLMFolder.absentMessage))
struct MiniLMReferenceTests {
  @Test("token ids and mean-pooled, normalised embeddings match the reference")
  func embeddings() throws {
    let data = try Data(contentsOf: SharedData.url("reference/bert/bert_reference.json"))
    let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sentences = try #require(reference["sentences"] as? [String])
    let minilm = try #require(reference["minilm"] as? [String: Any])
    let expectedIDs = try #require(minilm["input_ids"] as? [[Int]])
    let expected = (minilm["embeddings"] as? [[NSNumber]] ?? []).map { $0.map(\.floatValue) }

    let tokenizer = try BertTokenizer(folder: MiniLMFolder.url)
    let encoder = try BertEncoder(folder: MiniLMFolder.url, backend: CPUBackend(threads: 2))
    let ids = sentences.map { tokenizer.encode($0, maxLength: 256) }
    #expect(ids == expectedIDs)
    let vectors = try encoder.embeddings(ids, pooling: .mean, normalised: true)
    #expect(vectors.count == expected.count)
    for (row, (actual, wanted)) in zip(vectors, expected).enumerated() {
      let error = zip(actual, wanted).map { abs($0 - $1) }.max() ?? .infinity
      #expect(actual.count == wanted.count && error <= 1e-4, "sentence \(row): \(error)")
    }
  }
}
