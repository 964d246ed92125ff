/// Greedy longest-match-first WordPiece, as in BERT's `WordpieceTokenizer`.
///
/// A word is split into the longest prefix found in the vocabulary, then the longest
/// `##`-prefixed continuation, and so on. A word with no complete split, or longer than
/// `maxCharactersPerWord` scalars, becomes the unknown token.
public struct WordPieceTokenizer: Sendable {
  /// The vocabulary.
  public let vocabulary: Vocabulary
  /// The id of `[UNK]`.
  public let unknownID: Int
  /// Words longer than this (in Unicode scalars) become `[UNK]`; 100 in BERT.
  public var maxCharactersPerWord = 100
  /// The prefix of continuation pieces.
  public var continuationPrefix = "##"

  /// A tokenizer over `vocabulary`; `unknownID` is the id of `[UNK]`.
  public init(vocabulary: Vocabulary, unknownID: Int) {
    self.vocabulary = vocabulary
    self.unknownID = unknownID
  }

  /// Appends the ids of one word's pieces to `ids`.
  ///
  /// - Complexity: O(n^2) vocabulary look-ups for a word of n scalars (n <= 100).
  public func appendIDs(of word: [Unicode.Scalar], to ids: inout [Int]) {
    guard word.count <= maxCharactersPerWord else {
      ids.append(unknownID)
      return
    }
    let firstPiece = ids.count
    var start = 0
    while start < word.count {
      var end = word.count
      var found: Int?
      while start < end {
        var piece = start > 0 ? continuationPrefix : ""
        piece.unicodeScalars.append(contentsOf: word[start..<end])
        if let id = vocabulary[piece] {
          found = id
          break
        }
        end -= 1
      }
      guard let id = found else {
        ids.removeSubrange(firstPiece...)
        ids.append(unknownID)
        return
      }
      ids.append(id)
      start = end
    }
  }
}
