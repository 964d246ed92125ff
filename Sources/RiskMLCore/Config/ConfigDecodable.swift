/// A Swift type a setting can be read as from a configuration node or an environment value.
///
/// String, Int, Double, Bool and [String] conform; a Double setting accepts whole numbers.
public protocol ConfigDecodable: Sendable {
  /// The value `node` holds, or `nil` when it does not hold one of this type.
  static func decode(_ node: YAMLNode) -> Self?
  /// What a message says was expected when decoding fails.
  static var expectation: String { get }
}

extension String: ConfigDecodable {
  public static func decode(_ node: YAMLNode) -> String? { node.scalar }
  public static var expectation: String { ConfigType.string.expectation }
}

extension Int: ConfigDecodable {
  public static func decode(_ node: YAMLNode) -> Int? { ConfigValidator.int(node) }
  public static var expectation: String { ConfigType.int(.any).expectation }
}

extension Double: ConfigDecodable {
  public static func decode(_ node: YAMLNode) -> Double? { ConfigValidator.double(node) }
  public static var expectation: String { ConfigType.double(.any).expectation }
}

extension Bool: ConfigDecodable {
  public static func decode(_ node: YAMLNode) -> Bool? { ConfigValidator.bool(node) }
  public static var expectation: String { ConfigType.bool.expectation }
}

extension Array: ConfigDecodable where Element == String {
  public static func decode(_ node: YAMLNode) -> [String]? { ConfigValidator.strings(node) }
  public static var expectation: String { ConfigType.strings.expectation }
}
