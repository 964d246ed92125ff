/// A position in a YAML text: 1-based line and column.
public struct YAMLMark: Sendable, Equatable, CustomStringConvertible {
  /// The line, counting from 1.
  public var line: Int
  /// The column, counting from 1 (in characters as libyaml counts them).
  public var column: Int

  /// Creates a mark at `line` and `column`, both counting from 1.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}

/// How a scalar was written; only plain scalars are read as numbers, Booleans or null.
public enum YAMLScalarStyle: Sendable, Equatable {
  /// Unquoted: `batch_size: 32`.
  case plain
  /// `'text'`, or a plain scalar tagged `!!str`.
  case singleQuoted
  /// `"text"`.
  case doubleQuoted
  /// A `|` block.
  case literal
  /// A `>` block.
  case folded
}

/// One key and its value in a YAML mapping.
public struct YAMLEntry: Sendable, Equatable {
  /// The key text.
  public var key: String
  /// Where the key starts.
  public var keyMark: YAMLMark
  /// The value under the key.
  public var value: YAMLNode

  /// Creates an entry.
  public init(key: String, keyMark: YAMLMark, value: YAMLNode) {
    self.key = key
    self.keyMark = keyMark
    self.value = value
  }
}

/// A node of a parsed YAML document: a scalar, a sequence or a mapping, with its position.
public struct YAMLNode: Sendable, Equatable {
  /// What the node holds.
  public enum Kind: Sendable, Equatable {
    /// A scalar's text and how it was written.
    case scalar(String, YAMLScalarStyle)
    /// A sequence's items in order.
    case sequence([YAMLNode])
    /// A mapping's entries in the order they appear in the file.
    case mapping([YAMLEntry])
  }

  /// What the node holds.
  public var kind: Kind
  /// Where the node starts.
  public var mark: YAMLMark

  /// Creates a node.
  public init(_ kind: Kind, at mark: YAMLMark) {
    self.kind = kind
    self.mark = mark
  }

  /// The text of a scalar; `nil` for a sequence or a mapping.
  public var scalar: String? {
    if case .scalar(let text, _) = kind { return text }
    return nil
  }

  /// Whether the node is a scalar written without quotes.
  public var isPlainScalar: Bool {
    if case .scalar(_, .plain) = kind { return true }
    return false
  }

  /// The items of a sequence; `nil` for a scalar or a mapping.
  public var items: [YAMLNode]? {
    if case .sequence(let items) = kind { return items }
    return nil
  }

  /// The entries of a mapping; `nil` for a scalar or a sequence.
  public var entries: [YAMLEntry]? {
    if case .mapping(let entries) = kind { return entries }
    return nil
  }

  /// Whether the node is YAML's null: an empty plain scalar, `~` or `null`.
  ///
  /// The configuration treats a null value as "not set".
  public var isNull: Bool {
    guard case .scalar(let text, .plain) = kind else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(text)
  }

  /// The value under `key` when this node is a mapping.
  public subscript(key: String) -> YAMLNode? {
    entries?.first { $0.key == key }?.value
  }

  /// The node reached by following `path` through nested mappings.
  public func node(at path: [String]) -> YAMLNode? {
    var node = self
    for key in path {
      guard let next = node[key] else { return nil }
      node = next
    }
    return node
  }

  /// A short account of the node for messages: `'32'`, `"32"`, `a list`, `a mapping`.
  public var summary: String {
    switch kind {
    case .scalar(let text, .plain):
      return isNull ? "null" : "'\(text)'"
    case .scalar(let text, _):
      return "the quoted string \"\(text)\""
    case .sequence:
      return "a list"
    case .mapping:
      return "a mapping"
    }
  }
}
