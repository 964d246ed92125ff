import Foundation

/// BERT's basic tokenizer: cleaning, CJK splitting, lower-casing, accent stripping and
/// punctuation splitting, on Unicode scalars.
///
/// Follows `BasicTokenizer` of Google's BERT (tokenization.py) and Hugging Face
/// transformers / tokenizers (`BertNormalizer` + `BertPreTokenizer`):
/// 1. drop U+0000, U+FFFD and control characters (category C*, except tab, CR, LF);
///    turn whitespace (space, tab, CR, LF, category Zs) into a space;
/// 2. surround CJK unified ideographs with spaces;
/// 3. split on whitespace; lower-case each word, then decompose it (NFD) and drop
///    non-spacing marks (Mn), which strips accents;
/// 4. split every punctuation character (ASCII 33-47, 58-64, 91-96, 123-126, or P*) off
///    as its own word.
public struct BasicTokenizer: Sendable {
  /// Whether to lower-case and strip accents (uncased models).
  public var lowercases: Bool

  /// A tokenizer; `lowercases` is true for uncased models such as MiniLM and FinBERT.
  public init(lowercases: Bool = true) {
    self.lowercases = lowercases
  }

  /// The words of `text`, each an array of Unicode scalars.
  public func words(_ text: String) -> [[Unicode.Scalar]] {
    var cleaned: [Unicode.Scalar] = []
    cleaned.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
      if Self.isWhitespace(scalar) {
        cleaned.append(" ")
      } else if Self.isCJK(scalar) {
        cleaned.append(" ")
        cleaned.append(scalar)
        cleaned.append(" ")
      } else {
        cleaned.append(scalar)
      }
    }

    var result: [[Unicode.Scalar]] = []
    for word in cleaned.split(separator: " ") {
      let normalised = lowercases ? Self.lowercasedStrippingAccents(Array(word)) : Array(word)
      var current: [Unicode.Scalar] = []
      for scalar in normalised {
        if Self.isPunctuation(scalar) {
          if !current.isEmpty { result.append(current) }
          result.append([scalar])
          current = []
        } else {
          current.append(scalar)
        }
      }
      if !current.isEmpty { result.append(current) }
    }
    return result
  }

  private static func lowercasedStrippingAccents(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
    if word.allSatisfy({ $0.isASCII }) {
      return word.map { scalar in
        (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
      }
    }
    var lowered = String.UnicodeScalarView()
    for scalar in word {
      lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
    let decomposed = String(lowered).decomposedStringWithCanonicalMapping
    return decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
  }

  /// Tab, newline, carriage return, space, or a space separator (Zs).
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\n", "\r": return true
    default: return scalar.properties.generalCategory == .spaceSeparator
    }
  }

  /// A control, format, unassigned, private-use or surrogate scalar (C*), except tab,
  /// newline and carriage return, which count as whitespace.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .unassigned, .privateUse, .surrogate: return true
    default: return false
    }
  }

  /// ASCII symbols (treated as punctuation by BERT) or a Unicode punctuation category.
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
      || (123...126).contains(value)
    {
      return true
    }
    if value < 128 { return false }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }

  /// The CJK Unified Ideographs blocks and their extensions, as BERT defines them.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
      0x2B740...0x2B81F, 0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default:
      return false
    }
  }
}
