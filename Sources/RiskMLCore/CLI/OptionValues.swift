import Foundation

/// A source of option defaults below the command line: a config file section.
public protocol SettingsFile: Sendable {
  /// The text of `key` in `section` (e.g. `volatility`, `return_type`) and where it is.
  func value(section: String, key: String) -> (text: String, origin: SettingSource)?
}

/// The effective options of one run: command line, then `RISKML_<COMMAND>_<OPTION>`
/// environment variables, then the config file's section for the command, then defaults.
///
/// Typed accessors parse the winning text and name its origin when it is invalid.
public struct OptionValues: Sendable {
  public let arguments: ParsedArguments
  private let environment: [String: String]
  private let file: SettingsFile?

  public init(arguments: ParsedArguments, environment: [String: String], file: SettingsFile?) {
    self.arguments = arguments
    self.environment = environment
    self.file = file
  }

  /// The environment variable that sets `option` for this command.
  public func environmentName(_ option: String) -> String {
    let command = arguments.command.name.uppercased().replacingOccurrences(of: "-", with: "_")
    return "RISKML_\(command)_" + option.uppercased().replacingOccurrences(of: "-", with: "_")
  }

  /// The winning text for `option` and its origin, or nil when nothing sets it.
  public func resolved(_ option: String) -> (text: String, origin: SettingSource)? {
    guard let spec = arguments.command.option(option) else {
      preconditionFailure("option --\(option) is not in the table of '\(arguments.command.name)'")
    }
    if let given = arguments.values[option] { return (given, .flag) }
    if spec.isConfigurable {
      let name = environmentName(option)
      if let text = environment[name] { return (text, .environment(name)) }
      if let found = file?.value(section: arguments.command.name, key: spec.configKey) {
        return found
      }
    }
    return spec.defaultValue.map { ($0, .default) }
  }

  /// Whether a flag is on: on the command line, or `true`/`1`/`yes` in env or file.
  public func flag(_ option: String) throws -> Bool {
    if arguments.isSet(option) { return true }
    guard let spec = arguments.command.option(option), !spec.takesValue else { return false }
    let name = environmentName(option)
    guard let text = environment[name] else { return false }
    switch text.lowercased() {
    case "1", "true", "yes", "on": return true
    case "0", "false", "no", "off", "": return false
    default:
      throw ConfigurationValueError(
        origin: .environment(name), option: option,
        value: text, expected: "true or false")
    }
  }

  /// The text of an option, if set anywhere.
  public func string(_ option: String) throws -> String? {
    guard let (text, origin) = resolved(option) else { return nil }
    if let choices = arguments.command.option(option)?.choices, !choices.contains(text) {
      throw ConfigurationValueError(
        origin: origin, option: option, value: text,
        expected: "one of " + choices.joined(separator: ", "))
    }
    return text
  }

  /// An option read as `T` through `parse`, which returns nil for an invalid text.
  public func value<T>(_ option: String, expected: String, _ parse: (String) -> T?) throws -> T? {
    guard let (text, origin) = resolved(option) else { return nil }
    guard let value = parse(text.trimmingCharacters(in: .whitespaces)) else {
      throw ConfigurationValueError(origin: origin, option: option, value: text, expected: expected)
    }
    return value
  }

  /// A finite number.
  public func double(_ option: String) throws -> Double? {
    try value(option, expected: "a number") { Double($0).flatMap { $0.isFinite ? $0 : nil } }
  }

  /// An integer.
  public func int(_ option: String) throws -> Int? {
    try value(option, expected: "an integer") { Int($0) }
  }

  /// An integer within `range`; out of range is an error naming where the value came from
  /// (exit 64 for a flag, 78 for the environment or the config file).
  public func int(_ option: String, in range: ClosedRange<Int>) throws -> Int? {
    try value(option, expected: "an integer from \(range.lowerBound) to \(range.upperBound)") {
      Int($0).flatMap { range.contains($0) ? $0 : nil }
    }
  }

  /// A finite number accepted by `isValid`, described by `expected` in messages.
  public func double(
    _ option: String, expected: String, where isValid: (Double) -> Bool
  ) throws -> Double? {
    try value(option, expected: expected) { text in
      Double(text).flatMap { $0.isFinite && isValid($0) ? $0 : nil }
    }
  }

  /// A comma-separated list, spaces trimmed, empty items dropped; a list with no items is
  /// invalid (an empty `--columns` would otherwise select nothing and succeed quietly).
  public func list(_ option: String) throws -> [String]? {
    try value(option, expected: "a comma-separated list") { text in
      let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      return items.isEmpty ? nil : items
    }
  }

  /// A choice of a string enum.
  public func choice<E: RawRepresentable>(_ option: String, as type: E.Type) throws -> E?
  where E.RawValue == String {
    try value(option, expected: "a valid choice") { E(rawValue: $0) }
  }
}

/// An option value that cannot be used, with where it came from.
///
/// From the command line it is a usage error (exit 64); from the environment or a config
/// file it is a configuration error (exit 78).
public struct ConfigurationValueError: RiskMLError, Equatable {
  public let origin: SettingSource
  public let option: String
  public let value: String
  public let expected: String

  public var exitCode: ExitCode { origin == .flag ? .usage : .config }

  public var description: String {
    let source = origin == .flag ? "--\(option)" : "\(origin): \(option)"
    return "\(source): invalid value '\(value)', expected \(expected)"
  }
}
