import Foundation

/// A WordPiece vocabulary: token strings and their ids.
public struct Vocabulary: Sendable {
  /// Token to id.
  public let ids: [String: Int]
  /// Number of ids (largest id + 1).
  public let count: Int

  /// A vocabulary from a token-to-id table.
  public init(ids: [String: Int]) {
    self.ids = ids
    self.count = (ids.values.max() ?? -1) + 1
  }

  /// Reads `vocab.txt`: one token per line, the id is the line number from 0.
  ///
  /// - Throws: `.missingFile` (66), or `.malformedConfiguration` (65) if it is empty.
  public init(vocabTxt url: URL) throws {
    guard let data = try? Data(contentsOf: url) else {
      throw SentimentError.missingFile(path: url.path)
    }
    var lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    var table: [String: Int] = [:]
    for (index, line) in lines.enumerated() {
      table[line.hasSuffix("\r") ? String(line.dropLast()) : String(line)] = index
    }
    guard !table.isEmpty else {
      throw SentimentError.malformedConfiguration(path: url.path, reason: "vocabulary is empty")
    }
    self.init(ids: table)
  }

  /// Reads the `model.vocab` table of a Hugging Face `tokenizer.json` (WordPiece model).
  ///
  /// - Throws: `.missingFile` (66), or `.malformedConfiguration` (65) if the table is absent.
  public init(tokenizerJSON url: URL) throws {
    guard let data = try? Data(contentsOf: url) else {
      throw SentimentError.missingFile(path: url.path)
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let model = object["model"] as? [String: Any],
      let vocab = model["vocab"] as? [String: Any], !vocab.isEmpty
    else {
      throw SentimentError.malformedConfiguration(
        path: url.path, reason: "tokenizer.json has no model.vocab table")
    }
    var table: [String: Int] = [:]
    for (token, id) in vocab {
      guard let number = id as? NSNumber else { continue }
      table[token] = number.intValue
    }
    self.init(ids: table)
  }

  /// The vocabulary of a model folder: vocab.txt if present, else tokenizer.json.
  public init(folder: URL) throws {
    let text = folder.appendingPathComponent("vocab.txt")
    if FileManager.default.fileExists(atPath: text.path) {
      try self.init(vocabTxt: text)
    } else {
      try self.init(tokenizerJSON: folder.appendingPathComponent("tokenizer.json"))
    }
  }

  /// The id of `token`, if it is in the vocabulary.
  public subscript(token: String) -> Int? { ids[token] }
}
