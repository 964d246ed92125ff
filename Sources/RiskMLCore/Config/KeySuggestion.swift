/// Finds the known key a mistyped one most likely meant, for "did you mean" hints.
enum KeySuggestion {
  /// The candidate within edit distance 2 of `word`, or sharing a prefix of at least three
  /// characters with it (`window` for `window_size`); the closest wins, then the first.
  static func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.compactMap { candidate -> (String, Int)? in
      let distance = editDistance(word, candidate)
      if distance <= 2 { return (candidate, distance) }
      let shared = zip(word, candidate).prefix { $0 == $1 }.count
      let isPrefix = shared == min(word.count, candidate.count)
      return shared >= 3 && isPrefix ? (candidate, distance) : nil
    }
    return scored.min { $0.1 < $1.1 }?.0
  }

  /// Levenshtein distance: insertions, deletions and substitutions, each costing one.
  ///
  /// - Complexity: O(mn) time, O(n) memory.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
      }
      previous = current
    }
    return previous[b.count]
  }
}
