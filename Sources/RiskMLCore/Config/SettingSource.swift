/// Where an effective setting came from, for `--verbose` and for messages.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
  /// The command line.
  case flag
  /// The named `RISKML_*` environment variable.
  case environment(String)
  /// The configuration file, at the line of the value.
  case file(String, line: Int)
  /// riskml's built-in default.
  case `default`

  /// `command line`, `environment RISKML_X`, `config.yaml:12`, `default`.
  public var description: String {
    switch self {
    case .flag: return "command line"
    case .environment(let name): return "environment \(name)"
    case .file(let path, let line): return "\(path):\(line)"
    case .default: return "default"
    }
  }
}

/// A value together with where it came from.
public struct Sourced<Value: Sendable>: Sendable {
  /// The value.
  public var value: Value
  /// Where it came from.
  public var source: SettingSource

  /// Creates a sourced value.
  public init(_ value: Value, from source: SettingSource) {
    self.value = value
    self.source = source
  }
}

extension Sourced: Equatable where Value: Equatable {}
