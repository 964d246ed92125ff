/// A table of the keys a configuration file may hold and the type of each value.
///
/// The schema is data, not code: the config layer knows the `models` section and the
/// portfolio extras (`ConfigSchema.riskml`), and the command line registers one section
/// per subcommand with a key for each option that takes a value:
///
/// ```swift
/// var schema = ConfigSchema.riskml()
/// schema.register(ConfigSchema.section("volatility", keys: [
///   ConfigKey(option: "--return-type", .choice(["log", "simple"])),
///   ConfigKey("horizon", .int(.positive)),
/// ]))
/// ```
public struct ConfigSchema: Sendable, Equatable {
  /// The top-level keys, in the order messages and suggestions consider them.
  public private(set) var keys: [ConfigKey]

  /// A schema with the given top-level keys.
  public init(_ keys: [ConfigKey] = []) {
    self.keys = keys
  }

  /// A key whose value is a nested section with the given keys.
  public static func section(_ name: String, keys: [ConfigKey]) -> ConfigKey {
    ConfigKey(name, .section(keys))
  }

  /// Adds a top-level key. When a section of that name exists already and `key` is a
  /// section too, its keys are merged in (a key of the same name is replaced);
  /// otherwise `key` replaces the key of that name or is appended.
  public mutating func register(_ key: ConfigKey) {
    guard let index = keys.firstIndex(where: { $0.name == key.name }) else {
      keys.append(key)
      return
    }
    guard var merged = keys[index].sectionKeys, let added = key.sectionKeys else {
      keys[index] = key
      return
    }
    for newKey in added {
      if let old = merged.firstIndex(where: { $0.name == newKey.name }) {
        merged[old] = newKey
      } else {
        merged.append(newKey)
      }
    }
    keys[index] = ConfigKey(key.name, .section(merged))
  }

  /// The schema with `key` registered.
  public func registering(_ key: ConfigKey) -> ConfigSchema {
    var copy = self
    copy.register(key)
    return copy
  }

  /// The type of the value at `path` (`["volatility", "horizon"]`), following sections
  /// and, under a map, any key; `nil` when the schema does not allow the path.
  public func type(at path: [String]) -> ConfigType? {
    var type = ConfigType.section(keys)
    for name in path {
      switch type {
      case .section(let keys):
        guard let key = keys.first(where: { $0.name == name }) else { return nil }
        type = key.type
      case .map(let value):
        type = value
      default:
        return nil
      }
    }
    return type
  }

  /// Checks a parsed document: the top level is a mapping (or the file is empty), every
  /// key is known and every value has its key's type.
  ///
  /// - Throws: the first `ConfigError` in file order.
  public func validate(_ document: YAMLDocument) throws(ConfigError) {
    guard let root = document.root, !root.isNull else { return }
    guard root.entries != nil else {
      let at = ConfigLocation(file: document.file, mark: root.mark)
      throw .topLevelNotMapping(at, found: root.summary)
    }
    // FIXME: stops at the first problem; a file with several mistakes takes several runs
    // to fix. Collecting every error needs a multi-error case the error reporter prints.
    let validator = ConfigValidator(file: document.file)
    try validator.check(root, against: .section(keys), path: [])
  }
}
