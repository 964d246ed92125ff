/// A rule-based sentence splitter for document-level scoring.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
/// brackets) when whitespace and then an upper-case letter or a digit follow, unless the
/// word before the full stop is a common abbreviation (Mr., Inc., Corp., e.g., U.S.) or a
/// single letter (an initial).
public struct SentenceSplitter: Sendable {
  /// Lower-cased abbreviations, without their final full stop, that do not end a sentence.
  public var abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "plc",
    "llc", "bros", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "no", "nos", "vol", "approx",
    "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mln", "mn", "bn", "eur", "usd", "p.a", "a.m", "p.m",
  ]

  /// A splitter with the default abbreviations.
  public init() {}

  /// The sentences of `text`, trimmed, without empty ones.
  public func sentences(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var result: [String] = []
    var start = 0
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      guard scalar == "." || scalar == "!" || scalar == "?" else {
        index += 1
        continue
      }
      var end = index + 1
      while end < scalars.count, "\"')]”’".unicodeScalars.contains(scalars[end]) { end += 1 }
      var next = end
      while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
      let hasGap = next > end
      let startsSentence =
        next < scalars.count
        && (scalars[next].properties.isUppercase || ("0"..."9").contains(scalars[next]))
      if hasGap && startsSentence && !(scalar == "." && isAbbreviation(scalars, before: index)) {
        append(scalars[start..<end], to: &result)
        start = next
        index = next
      } else {
        index = end
      }
    }
    append(scalars[start..<scalars.count], to: &result)
    return result
  }

  private func isAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int) -> Bool {
    var begin = dot
    while begin > 0, !scalars[begin - 1].properties.isWhitespace, scalars[begin - 1] != "(" {
      begin -= 1
    }
    var word = String.UnicodeScalarView()
    word.append(contentsOf: scalars[begin..<dot])
    let token = String(word).lowercased()
    if token.count == 1, token.unicodeScalars.first!.properties.isAlphabetic { return true }
    return abbreviations.contains(token)
  }

  private func append(_ slice: ArraySlice<Unicode.Scalar>, to result: inout [String]) {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: slice)
    let sentence = String(view).trimmingCharacters(in: .whitespacesAndNewlines)
    if !sentence.isEmpty { result.append(sentence) }
  }
}
