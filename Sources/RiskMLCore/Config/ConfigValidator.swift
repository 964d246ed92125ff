/// Walks a YAML tree against a `ConfigType` and throws the first mismatch.
///
/// Null (an empty plain value, `~`, `null`) is accepted everywhere and means "not set";
/// a null section is an empty section.
struct ConfigValidator {
  /// The file named in messages.
  let file: String

  /// Checks `node`, found at `path`, against `type`.
  func check(_ node: YAMLNode, against type: ConfigType, path: [String]) throws(ConfigError) {
    guard !node.isNull else { return }
    switch type {
    case .section(let keys):
      guard let entries = node.entries else { throw mismatch(node, type, path) }
      for entry in entries {
        guard let key = keys.first(where: { $0.name == entry.key }) else {
          let suggestion = KeySuggestion.closest(to: entry.key, in: keys.map(\.name))
          let at = ConfigLocation(file: file, mark: entry.keyMark)
          let section = ConfigError.sectionName(path)
          throw .unknownKey(at, key: entry.key, section: section, suggestion: suggestion)
        }
        try check(entry.value, against: key.type, path: path + [entry.key])
      }
    case .map(let valueType):
      guard let entries = node.entries else { throw mismatch(node, type, path) }
      for entry in entries {
        try check(entry.value, against: valueType, path: path + [entry.key])
      }
    default:
      guard Self.accepts(node, type) else { throw mismatch(node, type, path) }
    }
  }

  private func mismatch(_ node: YAMLNode, _ type: ConfigType, _ path: [String]) -> ConfigError {
    let at = ConfigLocation(file: file, mark: node.mark)
    let key = path.joined(separator: ".")
    return .wrongType(at, key: key, expected: type.expectation, found: node.summary)
  }

  /// Whether a non-null `node` is a value of the scalar or list type `type`.
  static func accepts(_ node: YAMLNode, _ type: ConfigType) -> Bool {
    switch type {
    case .string: return node.scalar != nil
    case .int(let bounds): return int(node).map { bounds.contains(Double($0)) } ?? false
    case .double(let bounds): return double(node).map(bounds.contains) ?? false
    case .bool: return bool(node) != nil
    case .strings: return strings(node) != nil
    case .choice(let words): return node.scalar.map(words.contains) ?? false
    case .interval: return interval(node) != nil
    case .dateRange: return node.scalar.map(isDateRange) ?? false
    case .map, .section: return node.entries != nil
    }
  }

  /// A whole number written plainly.
  static func int(_ node: YAMLNode) -> Int? {
    node.isPlainScalar ? node.scalar.flatMap { Int($0) } : nil
  }

  /// A finite number written plainly.
  static func double(_ node: YAMLNode) -> Double? {
    guard node.isPlainScalar, let x = node.scalar.flatMap(Double.init) else { return nil }
    return x.isFinite ? x : nil
  }

  /// `true` or `false` written plainly, in YAML 1.2's core spellings.
  static func bool(_ node: YAMLNode) -> Bool? {
    guard node.isPlainScalar, let text = node.scalar else { return nil }
    if ["true", "True", "TRUE"].contains(text) { return true }
    if ["false", "False", "FALSE"].contains(text) { return false }
    return nil
  }

  /// A list whose items are all non-null scalars.
  static func strings(_ node: YAMLNode) -> [String]? {
    guard let items = node.items, items.allSatisfy({ !$0.isNull }) else { return nil }
    let texts = items.compactMap(\.scalar)
    return texts.count == items.count ? texts : nil
  }

  /// A list of two numbers, the first not above the second.
  static func interval(_ node: YAMLNode) -> ClosedRange<Double>? {
    guard let items = node.items, items.count == 2,
      let lo = double(items[0]), let hi = double(items[1]), lo <= hi
    else { return nil }
    return lo...hi
  }

  /// Whether `text` is `YYYY-MM-DD:YYYY-MM-DD` with valid dates in order.
  static func isDateRange(_ text: String) -> Bool {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy(isDate) else { return false }
    return parts[0] <= parts[1]
  }

  private static func isDate(_ text: Substring) -> Bool {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.count == 10, fields.map(\.count) == [4, 2, 2],
      fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
      (1...12).contains(month)
    else { return false }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...lengths[month - 1]).contains(day)
  }
}
