import Foundation

/// Text to BERT input ids: basic tokenizer, WordPiece, `[CLS]` ... `[SEP]`, truncation.
public struct BertTokenizer: Sendable {
  /// How text longer than the maximum length is cut.
  public enum Truncation: String, Sendable, CaseIterable {
    /// Keep the first tokens (transformers' default).
    case head
    /// Keep the first quarter and the last three quarters of the budget (Sun et al., 2019,
    /// "How to Fine-Tune BERT for Text Classification?", found head+tail best on long text).
    case headTail = "head-tail"
  }

  /// The basic (pre-)tokenizer.
  public let basic: BasicTokenizer
  /// The WordPiece tokenizer.
  public let wordPiece: WordPieceTokenizer
  /// Id of `[CLS]`.
  public let classID: Int
  /// Id of `[SEP]`.
  public let separatorID: Int
  /// Id of `[PAD]` (0 in BERT vocabularies).
  public let padID: Int

  /// A tokenizer over `vocabulary`; fails if `[CLS]`, `[SEP]` or `[UNK]` is missing.
  ///
  /// - Parameter path: names the vocabulary in the error.
  /// - Throws: `.malformedConfiguration` (65).
  public init(
    vocabulary: Vocabulary, lowercases: Bool = true, path: String = "vocabulary"
  ) throws {
    guard let cls = vocabulary["[CLS]"], let sep = vocabulary["[SEP]"],
      let unk = vocabulary["[UNK]"]
    else {
      throw SentimentError.malformedConfiguration(
        path: path, reason: "vocabulary lacks [CLS], [SEP] or [UNK]")
    }
    basic = BasicTokenizer(lowercases: lowercases)
    wordPiece = WordPieceTokenizer(vocabulary: vocabulary, unknownID: unk)
    classID = cls
    separatorID = sep
    padID = vocabulary["[PAD]"] ?? 0
  }

  /// The tokenizer of a model folder (vocab.txt or tokenizer.json); lower-cases unless
  /// tokenizer_config.json says `"do_lower_case": false`.
  public init(folder: URL) throws {
    let vocabulary = try Vocabulary(folder: folder)
    var lowercases = true
    let settings = folder.appendingPathComponent("tokenizer_config.json")
    if let data = try? Data(contentsOf: settings),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let flag = object["do_lower_case"] as? Bool
    {
      lowercases = flag
    }
    try self.init(vocabulary: vocabulary, lowercases: lowercases, path: folder.path)
  }

  /// The WordPiece ids of `text`, without special tokens or truncation.
  public func pieces(_ text: String) -> [Int] {
    var ids: [Int] = []
    for word in basic.words(text) {
      wordPiece.appendIDs(of: word, to: &ids)
    }
    return ids
  }

  /// `[CLS] pieces [SEP]`, cut to `maxLength` ids in all (at least 2).
  ///
  /// - Parameters:
  ///   - text: the input.
  ///   - maxLength: the most ids returned, special tokens included.
  ///   - truncation: which pieces survive when there are too many.
  public func encode(_ text: String, maxLength: Int, truncation: Truncation = .head) -> [Int] {
    let budget = max(maxLength - 2, 0)
    let ids = pieces(text)
    return [classID] + Self.truncate(ids, to: budget, truncation: truncation) + [separatorID]
  }

  /// `ids` cut to `budget`: the first ones, or the first quarter and the rest from the end.
  public static func truncate(_ ids: [Int], to budget: Int, truncation: Truncation) -> [Int] {
    guard ids.count > budget else { return ids }
    switch truncation {
    case .head:
      return Array(ids.prefix(budget))
    case .headTail:
      let head = budget / 4
      return Array(ids.prefix(head)) + Array(ids.suffix(budget - head))
    }
  }
}
