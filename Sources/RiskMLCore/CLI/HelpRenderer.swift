/// Renders `--help` text from a command's table: OVERVIEW, USAGE, ARGUMENTS, OPTIONS,
/// EXAMPLES, wrapped to 80 columns.
public enum HelpRenderer {
  public static func render(_ command: CommandSpec) -> String {
    var out = "OVERVIEW: \(command.abstract)\n"
    if !command.discussion.isEmpty { out += "\n" + wrap(command.discussion, indent: 0) + "\n" }

    out += "\nUSAGE:\n"
    for line in command.usage { out += "  \(line)\n" }

    if !command.arguments.isEmpty {
      out += "\nARGUMENTS:\n"
      for argument in command.arguments { out += entry(argument.name, argument.help) }
    }

    out += "\nOPTIONS:\n"
    for option in command.options { out += entry(label(option), describe(option)) }

    if !command.examples.isEmpty {
      out += "\nEXAMPLES:\n"
      for example in command.examples {
        out += "  \(example.command)\n" + wrap(example.explanation, indent: 6) + "\n"
      }
    }
    return out
  }

  static func label(_ option: OptionSpec) -> String {
    var text = option.short.map { "-\($0), " } ?? "    "
    text += "--\(option.long)"
    if case .value(let name) = option.kind { text += " \(name)" }
    return text
  }

  static func describe(_ option: OptionSpec) -> String {
    var text = option.help
    if let choices = option.choices, !option.help.contains(choices[0]) {
      text += " (\(choices.joined(separator: "|")))"
    }
    if let value = option.defaultValue { text += " [default: \(value)]" }
    return text
  }

  private static func entry(_ label: String, _ help: String) -> String {
    let column = 30
    let first = "  " + label
    if first.count < column - 1 {
      let padded = first + String(repeating: " ", count: column - first.count)
      return padded + wrap(help, indent: column).dropFirst(column) + "\n"
    }
    return first + "\n" + wrap(help, indent: column) + "\n"
  }

  /// Wraps `text` to 80 columns, each line indented by `indent` spaces.
  static func wrap(_ text: String, indent: Int) -> String {
    let width = 80 - indent
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    let pad = String(repeating: " ", count: indent)
    return lines.map { pad + $0 }.joined(separator: "\n")
  }
}
