/// The options and arguments given on one command line.
public struct ParsedArguments: Sendable {
  public let command: CommandSpec
  /// Values given on the command line, by long name.
  public var values: [String: String]
  /// Flags given on the command line.
  public var flags: Set<String>
  /// Positional arguments (input files; `-` is stdin).
  public var positionals: [String]

  /// Whether the flag `long` was given.
  public func isSet(_ long: String) -> Bool { flags.contains(long) }
}

/// Parses a command line against a `CommandSpec`.
///
/// Accepts `--name value`, `--name=value`, `-x value`, grouped short flags (`-vq`),
/// `--` to end options, and `-` as a positional (stdin). An unknown option is a usage
/// error with a "did you mean" suggestion; a choice is checked against its allowed values.
public enum ArgumentParser {
  public static func parse(
    _ arguments: [String], for command: CommandSpec
  ) throws -> ParsedArguments {
    var parsed = ParsedArguments(command: command, values: [:], flags: [], positionals: [])
    var index = 0
    var optionsEnded = false

    func takeValue(for option: OptionSpec, inline: String?) throws -> String {
      if let inline { return inline }
      index += 1
      guard index < arguments.count else {
        throw UsageError("option --\(option.long) needs a value")
      }
      return arguments[index]
    }

    func store(_ option: OptionSpec, inline: String?) throws {
      guard option.takesValue else {
        guard inline == nil else { throw UsageError("option --\(option.long) takes no value") }
        parsed.flags.insert(option.long)
        return
      }
      let value = try takeValue(for: option, inline: inline)
      if let choices = option.choices, !choices.contains(value) {
        throw UsageError(invalidChoice(value, option: option, choices: choices))
      }
      parsed.values[option.long] = value
    }

    while index < arguments.count {
      let argument = arguments[index]
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
      } else if argument == "--" {
        optionsEnded = true
      } else if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
        guard let option = command.option(name) else {
          throw UsageError(unknownOption("--" + name, command: command))
        }
        try store(option, inline: inline)
      } else {
        try parseShortGroup(argument, command: command, store: store)
      }
      index += 1
    }
    return parsed
  }

  private static func parseShortGroup(
    _ argument: String, command: CommandSpec, store: (OptionSpec, String?) throws -> Void
  ) throws {
    let letters = Array(argument.dropFirst())
    for (position, letter) in letters.enumerated() {
      guard let option = command.options.first(where: { $0.short == letter }) else {
        throw UsageError(unknownOption("-" + String(letter), command: command))
      }
      if option.takesValue {
        let rest = String(letters[(position + 1)...])
        try store(option, rest.isEmpty ? nil : rest)
        return
      }
      try store(option, nil)
    }
  }

  static func unknownOption(_ given: String, command: CommandSpec) -> String {
    let names = command.options.map { "--" + $0.long }
    var message = "unknown option '\(given)' for 'riskml \(command.name)'"
    if let guess = Suggestion.closest(to: given, among: names) {
      message += " (did you mean '\(guess)'?)"
    }
    return message + "; see 'riskml \(command.name) --help'"
  }

  static func invalidChoice(_ value: String, option: OptionSpec, choices: [String]) -> String {
    var message =
      "invalid value '\(value)' for --\(option.long): expected one of "
      + choices.joined(separator: ", ")
    if let guess = Suggestion.closest(to: value, among: choices) {
      message += " (did you mean '\(guess)'?)"
    }
    return message
  }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
  /// The candidate nearest to `word` when it is close enough to be a likely typo:
  /// an edit distance of at most 2, or at most a third of the word's length.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { (candidate: $0, distance: editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    let limit = max(2, word.count / 3)
    return best.distance <= limit ? best.candidate : nil
  }

  /// Levenshtein distance between two strings, over Unicode scalars.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
