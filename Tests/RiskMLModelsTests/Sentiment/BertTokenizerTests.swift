import Testing

@testable import RiskMLModels

/// Tokenizer behaviour on a small hand-made vocabulary.
@Suite("BertTokenizer")
struct BertTokenizerTests {
  static let vocabulary = Vocabulary(
    ids: Dictionary(
      uniqueKeysWithValues: [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "cafe", ".", ",", "-", "the",
        "a", "b", "c", "d", "e", "f", "g", "h", "$", "!",
      ].enumerated().map { ($1, $0) }))

  static func tokenizer() throws -> BertTokenizer {
    try BertTokenizer(vocabulary: vocabulary)
  }

  @Test(
    "basic tokenizer",
    arguments: [
      ("Unaffable, the CAFÉ.", ["unaffable", ",", "the", "cafe", "."]),
      ("a\u{0}b\u{FFFD}c\u{7}d", ["abcd"]),
      ("tab\tand\u{00A0}nbsp", ["tab", "and", "nbsp"]),
      ("腾讯x", ["腾", "讯", "x"]),
      ("$1.5-2!", ["$", "1", ".", "5", "-", "2", "!"]),
      ("«quoted»", ["«", "quoted", "»"]),
    ])
  func basic(text: String, words: [String]) {
    let actual = BasicTokenizer().words(text).map { scalars in
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return String(view)
    }
    #expect(actual == words)
  }

  @Test("WordPiece: longest match, ## continuations, [UNK] for unsplittable or long words")
  func wordPiece() throws {
    let tokenizer = try Self.tokenizer()
    #expect(tokenizer.pieces("unaffable") == [4, 5, 6])
    #expect(tokenizer.pieces("unaffablex the") == [1, 11])
    #expect(tokenizer.pieces(String(repeating: "a", count: 101)) == [1])
    #expect(tokenizer.encode("the", maxLength: 10) == [2, 11, 3])
  }

  @Test("truncation keeps the head, or the head quarter and the tail")
  func truncation() throws {
    let tokenizer = try Self.tokenizer()
    let text = "a b c d e f g h"
    #expect(tokenizer.encode(text, maxLength: 6) == [2, 12, 13, 14, 15, 3])
    #expect(tokenizer.encode(text, maxLength: 6, truncation: .headTail) == [2, 12, 17, 18, 19, 3])
    #expect(BertTokenizer.truncate([1, 2, 3], to: 5, truncation: .headTail) == [1, 2, 3])
    #expect(tokenizer.encode(text, maxLength: 2) == [2, 3])
  }

  @Test("a vocabulary without [CLS] is rejected")
  func missingSpecialTokens() {
    #expect(throws: SentimentError.self) {
      try BertTokenizer(vocabulary: Vocabulary(ids: ["[UNK]": 0]))
    }
  }
}
