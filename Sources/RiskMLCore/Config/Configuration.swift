import Foundation

/// A configuration file that was read and validated against a schema, with typed look-ups
/// that say where each value came from.
///
/// Paths name the keys from the top: `["models", "sentiment", "batch_size"]`. A look-up
/// returns `nil` when the key is absent or null; a value that does not have the asked-for
/// type is an error (the schema normally rules that out when the file is loaded).
public struct Configuration: Sendable {
  /// The file read, or `nil` when none was (`--no-config`, or no `./config.yaml`).
  public let file: String?
  /// The schema the file was validated against.
  public let schema: ConfigSchema
  /// The validated document's top node; `nil` for an empty configuration.
  public let root: YAMLNode?

  /// An empty configuration: every look-up finds nothing.
  public init(schema: ConfigSchema) {
    file = nil
    self.schema = schema
    root = nil
  }

  /// Validates `document` against `schema`.
  ///
  /// - Throws: the first `ConfigError` the schema finds.
  public init(document: YAMLDocument, schema: ConfigSchema) throws(ConfigError) {
    try schema.validate(document)
    file = document.file
    self.schema = schema
    root = document.root.flatMap { $0.isNull ? nil : $0 }
  }

  /// Reads and validates the file `selection` picks.
  ///
  /// - Throws: `ConfigError`, including `.fileNotFound` when `--config` names a missing
  ///   file; a missing `./config.yaml` is not an error.
  public static func load(
    _ selection: ConfigSelection, schema: ConfigSchema
  ) throws(ConfigError) -> Configuration {
    let exists = { FileManager.default.fileExists(atPath: $0) }
    guard let path = selection.path(fileExists: exists) else {
      return Configuration(schema: schema)
    }
    return try Configuration(document: YAMLDocument(contentsOf: path), schema: schema)
  }

  /// Whether the configuration sets nothing.
  public var isEmpty: Bool { root?.entries?.isEmpty ?? true }

  /// The node at `path`, with the file and line of the value; `nil` when absent or null.
  public func node(_ path: [String]) -> Sourced<YAMLNode>? {
    guard let file, let node = root?.node(at: path), !node.isNull else { return nil }
    return Sourced(node, from: .file(file, line: node.mark.line))
  }

  /// The file, line and column of the value at `path`, for messages about it.
  public func location(_ path: [String]) -> ConfigLocation? {
    guard let file, let node = node(path)?.value else { return nil }
    return ConfigLocation(file: file, mark: node.mark)
  }

  /// The value at `path` read as `T`, with its source.
  ///
  /// - Throws: `ConfigError.wrongType` when the value is not a `T`.
  public func value<T: ConfigDecodable>(
    _ path: [String], as type: T.Type = T.self
  ) throws(ConfigError) -> Sourced<T>? {
    guard let file, let found = node(path) else { return nil }
    guard let value = T.decode(found.value) else {
      let at = ConfigLocation(file: file, mark: found.value.mark)
      let key = path.joined(separator: ".")
      throw .wrongType(at, key: key, expected: T.expectation, found: found.value.summary)
    }
    return Sourced(value, from: found.source)
  }

  /// The string at `path`.
  public func string(_ path: [String]) throws(ConfigError) -> Sourced<String>? {
    try value(path)
  }

  /// The integer at `path`.
  public func int(_ path: [String]) throws(ConfigError) -> Sourced<Int>? {
    try value(path)
  }

  /// The number at `path`.
  public func double(_ path: [String]) throws(ConfigError) -> Sourced<Double>? {
    try value(path)
  }

  /// The Boolean at `path`.
  public func bool(_ path: [String]) throws(ConfigError) -> Sourced<Bool>? {
    try value(path)
  }

  /// The list of strings at `path`.
  public func strings(_ path: [String]) throws(ConfigError) -> Sourced<[String]>? {
    try value(path)
  }
}
