/// A place in a configuration file: the file as the user named it, and a 1-based line and column.
public struct ConfigLocation: Sendable, Equatable, CustomStringConvertible {
  /// The file as given (`config.yaml`, `/etc/riskml.yaml`).
  public var file: String
  /// The line, counting from 1.
  public var line: Int
  /// The column, counting from 1.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// Creates a location from a mark in `file`.
  public init(file: String, mark: YAMLMark) {
    self.init(file: file, line: mark.line, column: mark.column)
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}

/// Everything that can be wrong with a configuration file or a `RISKML_*` variable.
///
/// Every case ends the run with exit code 78 (`ExitCode.config`), a missing `--config`
/// file included: the user asked for a configuration that cannot be used.
public enum ConfigError: RiskMLError, Equatable {
  /// libyaml could not parse the text.
  case syntax(ConfigLocation, message: String)
  /// The text uses a YAML feature riskml does not accept (anchors, aliases, tags, ...).
  case unsupported(ConfigLocation, feature: String)
  /// The top level of the file is not a mapping.
  case topLevelNotMapping(ConfigLocation, found: String)
  /// A mapping has the same key twice.
  case duplicateKey(ConfigLocation, key: String, section: String, firstLine: Int)
  /// A key the schema does not know, with the closest known key when there is one.
  case unknownKey(ConfigLocation, key: String, section: String, suggestion: String?)
  /// A value of the wrong type or out of range.
  case wrongType(ConfigLocation, key: String, expected: String, found: String)
  /// A `RISKML_*` variable whose value does not fit its setting.
  case badEnvironment(variable: String, expected: String, found: String)
  /// The file named by `--config` does not exist.
  case fileNotFound(path: String)
  /// The file exists but cannot be read.
  case unreadable(path: String)

  public var exitCode: ExitCode { .config }
}

extension ConfigError {
  public var description: String {
    switch self {
    case .syntax(let at, let message):
      return "\(at): YAML syntax error: \(message)"
    case .unsupported(let at, let feature):
      return "\(at): \(feature) are not supported in riskml configuration files"
    case .topLevelNotMapping(let at, let found):
      return "\(at): the top level must be a mapping of sections, found \(found)"
    case .duplicateKey(let at, let key, let section, let firstLine):
      return "\(at): duplicate key '\(key)' in \(section) (first defined on line \(firstLine))"
    case .unknownKey(let at, let key, let section, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return "\(at): unknown key '\(key)' in \(section)\(hint)"
    case .wrongType(let at, let key, let expected, let found):
      return "\(at): wrong value for '\(key)': expected \(expected), found \(found)"
    case .badEnvironment(let variable, let expected, let found):
      return "environment variable \(variable): expected \(expected), found \(found)"
    case .fileNotFound(let path):
      return "\(path): configuration file not found"
    case .unreadable(let path):
      return "\(path): configuration file cannot be read"
    }
  }

  /// How a section path reads in messages: `models.sentiment`, or `the top level`.
  static func sectionName(_ path: [String]) -> String {
    path.isEmpty ? "the top level" : path.joined(separator: ".")
  }
}
