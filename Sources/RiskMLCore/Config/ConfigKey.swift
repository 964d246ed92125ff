/// One allowed key of a configuration section and the type of its value.
public struct ConfigKey: Sendable, Equatable {
  /// The key as written in the file: `batch_size`, `return_type`.
  public var name: String
  /// The type its value must have.
  public var type: ConfigType

  /// Creates a key.
  public init(_ name: String, _ type: ConfigType) {
    self.name = name
    self.type = type
  }

  /// A key named after a command-line option: `--return-type` becomes `return_type`.
  public init(option: String, _ type: ConfigType) {
    self.init(Self.name(forOption: option), type)
  }

  /// The configuration name of a command-line option: leading dashes dropped and `-`
  /// replaced by `_`.
  public static func name(forOption option: String) -> String {
    let bare = option.drop { $0 == "-" }
    return String(bare.map { $0 == "-" ? "_" : $0 })
  }

  /// The keys of a nested section; `nil` when this key is not a section.
  public var sectionKeys: [ConfigKey]? {
    if case .section(let keys) = type { return keys }
    return nil
  }
}
