import Foundation

/// One command-line option, as a row of a subcommand's option table.
///
/// The same table drives parsing, `--help`, config-file keys (`return-type` is
/// `return_type` in the subcommand's section) and `RISKML_<COMMAND>_<OPTION>` variables.
public struct OptionSpec: Sendable {
  public enum Kind: Sendable, Equatable {
    /// A switch without a value.
    case flag
    /// An option taking one value, shown as `valueName` in help.
    case value(valueName: String)
  }

  public let long: String
  public let short: Character?
  public let kind: Kind
  public let help: String
  /// The allowed values, when the option is a choice; checked while parsing.
  public let choices: [String]?
  /// The default shown in help and used when neither flag, environment nor file sets it.
  public let defaultValue: String?
  /// Whether config files and environment variables may set this option.
  public let isConfigurable: Bool

  public init(
    _ long: String, short: Character? = nil, value valueName: String? = nil,
    choices: [String]? = nil, default defaultValue: String? = nil, configurable: Bool = true,
    help: String
  ) {
    self.long = long
    self.short = short
    self.kind = valueName.map { .value(valueName: $0) } ?? .flag
    self.help = help
    self.choices = choices
    self.defaultValue = defaultValue
    self.isConfigurable = configurable && valueName != nil
  }

  /// Whether the option takes a value.
  public var takesValue: Bool { kind != .flag }

  /// The key of this option in a config-file section: dashes become underscores.
  public var configKey: String { long.replacingOccurrences(of: "-", with: "_") }
}

/// A subcommand's description: its options, positional arguments, help text and examples.
public struct CommandSpec: Sendable {
  public let name: String
  public let abstract: String
  public let discussion: String
  public let usage: [String]
  public let arguments: [(name: String, help: String)]
  public let options: [OptionSpec]
  public let examples: [(command: String, explanation: String)]

  public init(
    name: String, abstract: String, discussion: String = "", usage: [String],
    arguments: [(name: String, help: String)] = [], options: [OptionSpec],
    examples: [(command: String, explanation: String)] = []
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.usage = usage
    self.arguments = arguments
    self.options = options + CommonOptions.all
    self.examples = examples
  }

  /// The option named `long`.
  public func option(_ long: String) -> OptionSpec? {
    options.first { $0.long == long }
  }
}
