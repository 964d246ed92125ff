import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

/// The safetensors reader on well-formed and deliberately broken files.
@Suite("SafetensorsFile")
struct SafetensorsFileTests {
  /// A file with `header` as JSON and `payload` bytes after it.
  static func file(header: String, payload: [UInt8], declaredLength: UInt64? = nil) -> Data {
    var data = Data()
    var length = (declaredLength ?? UInt64(header.utf8.count)).littleEndian
    withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
    data.append(contentsOf: Array(header.utf8))
    data.append(contentsOf: payload)
    return data
  }

  static func temporaryFile(_ data: Data) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("riskml-safetensors-\(UUID().uuidString).safetensors")
    try data.write(to: url)
    return url
  }

  @Test("F32, F16 and BF16 tensors read back as Float; integer tensors are listed")
  func readsFloatingPointTypes() throws {
    let header = """
      {"__metadata__":{"format":"pt"},\
      "a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},\
      "b":{"dtype":"F16","shape":[2],"data_offsets":[8,12]},\
      "c":{"dtype":"BF16","shape":[1],"data_offsets":[12,14]},\
      "ids":{"dtype":"I64","shape":[1],"data_offsets":[14,22]}}
      """
    var payload: [UInt8] = []
    for value: Float in [1.5, -2] {
      withUnsafeBytes(of: value.bitPattern.littleEndian) { payload.append(contentsOf: $0) }
    }
    payload += [0x00, 0x3C, 0x00, 0xC0]  // F16 1.0 and -2.0
    payload += [0x40, 0x40]  // BF16 3.0
    payload += [UInt8](repeating: 0, count: 8)
    let url = try Self.temporaryFile(Self.file(header: header, payload: payload))
    defer { try? FileManager.default.removeItem(at: url) }

    let file = try SafetensorsFile(url: url)
    #expect(try file.tensor(named: "a", shape: [2]) == [1.5, -2])
    #expect(try file.tensor(named: "b") == [1, -2])
    #expect(try file.tensor(named: "c") == [3])
    #expect(file.entries["ids"]?.dtype == .i64)
    #expect(file.metadata["format"] == "pt")
  }

  @Test("the writer's output reads back unchanged")
  func roundTrip() throws {
    let data = SafetensorsWriter.encode([("w", [2, 2], [1, 2, 3, 4]), ("b", [2], [0.5, -0.5])])
    let file = try SafetensorsFile(data: data, path: "memory")
    #expect(try file.tensor(named: "w", shape: [2, 2]) == [1, 2, 3, 4])
    #expect(try file.tensor(named: "b", shape: [2]) == [0.5, -0.5])
  }

  static let malformed: [(String, Data)] = [
    ("empty file", Data()),
    ("shorter than the length field", Data([1, 2, 3])),
    ("header length past the end", file(header: "{}", payload: [], declaredLength: 1_000)),
    ("header not JSON", file(header: "{not json", payload: [])),
    ("header a JSON array", file(header: "[1,2]", payload: [])),
    ("entry without offsets", file(header: #"{"a":{"dtype":"F32","shape":[1]}}"#, payload: [])),
    (
      "unknown dtype",
      file(
        header: #"{"a":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}}"#, payload: [0])
    ),
    (
      "offsets past the end",
      file(
        header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, payload: [0, 0, 0, 0])
    ),
    (
      "offsets reversed",
      file(
        header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}"#, payload: [0, 0, 0, 0])
    ),
    (
      "size disagrees with shape",
      file(
        header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,4]}}"#, payload: [0, 0, 0, 0])
    ),
    (
      "negative dimension",
      file(
        header: #"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, payload: [0, 0, 0, 0])
    ),
  ]

  @Test("malformed files are a data error (65), never a crash", arguments: malformed)
  func malformedFile(name: String, data: Data) throws {
    let url = try Self.temporaryFile(data)
    defer { try? FileManager.default.removeItem(at: url) }
    let error = try #require(throws: SentimentError.self) { try SafetensorsFile(url: url) }
    #expect(error.exitCode == .dataError, "\(name)")
    if case .malformedWeights = error {} else { Issue.record("\(name): \(error)") }
  }

  @Test("a missing file is exit 66; a missing tensor or a wrong shape is exit 65")
  func missingAndMismatched() throws {
    let absent = URL(fileURLWithPath: "/nonexistent/riskml/model.safetensors")
    #expect(throws: SentimentError.missingFile(path: absent.path)) {
      try SafetensorsFile(url: absent)
    }
    let file = try SafetensorsFile(
      data: SafetensorsWriter.encode([("w", [2], [1, 2])]), path: "m.safetensors")
    #expect(throws: SentimentError.missingTensor(path: "m.safetensors", name: "x")) {
      try file.tensor(named: "x")
    }
    let error = try #require(throws: SentimentError.self) {
      try file.tensor(named: "w", shape: [3])
    }
    #expect(error == .shapeMismatch(path: "m.safetensors", name: "w", expected: [3], actual: [2]))
    #expect(error.exitCode == .dataError)
  }

  @Test("a model folder whose weights lack a layer fails to load with a clear error")
  func truncatedModel() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("riskml-model-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let config =
      #"{"hidden_size":4,"num_attention_heads":2,"num_hidden_layers":1,"#
      + #""intermediate_size":8,"vocab_size":10,"max_position_embeddings":8}"#
    try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
    try SafetensorsWriter.encode([
      (
        "embeddings.word_embeddings.weight", [10, 4],
        .init(
          repeating: 0, count: 40)
      )
    ]).write(to: folder.appendingPathComponent("model.safetensors"))
    let error = try #require(throws: SentimentError.self) {
      try BertEncoder(folder: folder, backend: CPUBackend(threads: 1))
    }
    #expect(
      error
        == .missingTensor(
          path: folder.appendingPathComponent("model.safetensors").path,
          name: "embeddings.position_embeddings.weight"))
  }
}
