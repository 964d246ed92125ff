import Foundation

/// Decides each setting's effective value: command line, then `RISKML_*` environment
/// variables, then the configuration file, then the built-in default.
///
/// ```swift
/// let schema = ConfigSchema.riskml([
///   ConfigSchema.section("volatility", keys: [ConfigKey("horizon", .int(.positive))])
/// ])
/// let config = try Configuration.load(.standard(directory: "."), schema: schema)
/// let resolver = SettingsResolver(configuration: config)
/// let horizon = try resolver.resolve(["volatility", "horizon"], flag: nil, default: 10)
/// // with the repository's config.yaml and no RISKML_VOLATILITY_HORIZON:
/// // horizon.value == 10, "\(horizon.source)" == "config.yaml:34"
/// ```
///
/// An environment value is checked against the schema's type for its path (bounds and
/// allowed words included); for a list type it is split on commas. An empty variable
/// counts as unset.
public struct SettingsResolver: Sendable {
  /// The loaded configuration (possibly empty); its schema types environment values.
  public let configuration: Configuration
  /// The environment variables consulted.
  public let environment: [String: String]

  /// A resolver over `configuration` and `environment` (the process's by default).
  public init(
    configuration: Configuration,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.configuration = configuration
    self.environment = environment
  }

  /// The environment variable for `path`: `RISKML_` and the keys joined by `_`, upper-cased
  /// (`["volatility", "return_type"]` → `RISKML_VOLATILITY_RETURN_TYPE`).
  public static func variableName(for path: [String]) -> String {
    (["RISKML"] + path).joined(separator: "_").uppercased()
  }

  /// The effective value of the setting at `path` and where it came from.
  ///
  /// - Parameters:
  ///   - path: the setting's keys from the top of the file.
  ///   - flag: the value given on the command line, or `nil`.
  ///   - defaultValue: the built-in default.
  /// - Throws: `ConfigError.badEnvironment` for a variable that does not fit the setting,
  ///   `.wrongType` when the file's value is not a `T`.
  public func resolve<T: ConfigDecodable>(
    _ path: [String], flag: T?, default defaultValue: T
  ) throws(ConfigError) -> Sourced<T> {
    try resolve(path, flag: flag) ?? Sourced(defaultValue, from: .default)
  }

  /// The effective value of a setting with no default, or `nil` when nothing sets it.
  ///
  /// - Throws: as `resolve(_:flag:default:)`.
  public func resolve<T: ConfigDecodable>(
    _ path: [String], flag: T?
  ) throws(ConfigError) -> Sourced<T>? {
    if let flag { return Sourced(flag, from: .flag) }
    if let fromEnvironment: Sourced<T> = try environmentValue(path) { return fromEnvironment }
    return try configuration.value(path)
  }

  /// The value of the setting's environment variable, checked against the schema.
  ///
  /// - Throws: `ConfigError.badEnvironment` naming the variable.
  public func environmentValue<T: ConfigDecodable>(
    _ path: [String], as type: T.Type = T.self
  ) throws(ConfigError) -> Sourced<T>? {
    // FIXME: only the variables of settings asked for are read, so a misspelt RISKML_*
    // variable is ignored silently; listing unused RISKML_* names needs every leaf path.
    let name = Self.variableName(for: path)
    guard let text = environment[name], !text.isEmpty else { return nil }

    let schemaType = configuration.schema.type(at: path)
    let node = Self.node(text, isList: schemaType?.isList ?? (T.self == [String].self))
    let expected = schemaType?.expectation ?? T.expectation
    let found = "'\(text)'"
    if let schemaType, !ConfigValidator.accepts(node, schemaType) {
      throw .badEnvironment(variable: name, expected: expected, found: found)
    }
    guard let value = T.decode(node) else {
      throw .badEnvironment(variable: name, expected: expected, found: found)
    }
    return Sourced(value, from: .environment(name))
  }

  /// An environment value as the plain scalar, or comma-separated list, it stands for.
  private static func node(_ text: String, isList: Bool) -> YAMLNode {
    let mark = YAMLMark(line: 1, column: 1)
    guard isList else { return YAMLNode(.scalar(text, .plain), at: mark) }
    // FIXME: no quoting, so a list item that itself contains a comma cannot be set from
    // the environment; the file or the command line can set it.
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
      let item = $0.trimmingCharacters(in: .whitespaces)
      return YAMLNode(.scalar(item, .plain), at: mark)
    }
    return YAMLNode(.sequence(items), at: mark)
  }
}
