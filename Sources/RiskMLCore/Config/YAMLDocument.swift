import CYAML
import Foundation

/// A YAML file parsed with libyaml's event API into a tree of `YAMLNode`s.
///
/// riskml reads one document per file. It rejects what its configuration never needs and
/// what would make a message's line number misleading: anchors and aliases, tags other
/// than `!!str`, mapping keys that are not scalars, several documents, and nesting deeper
/// than 64 levels. A duplicate key is an error naming both lines.
public struct YAMLDocument: Sendable, Equatable {
  /// The file as the user named it, used in every message.
  public let file: String
  /// The document's top node; `nil` when the file is empty or holds only comments.
  public let root: YAMLNode?

  /// Parses the file at `path`.
  ///
  /// - Throws: `ConfigError.fileNotFound`, `.unreadable`, `.syntax` or `.unsupported`.
  public init(contentsOf path: String) throws(ConfigError) {
    guard FileManager.default.fileExists(atPath: path) else {
      throw .fileNotFound(path: path)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path)
    }
    try self.init(bytes: [UInt8](data), file: path)
  }

  /// Parses `text`, naming it `file` in messages.
  ///
  /// - Throws: `ConfigError.syntax` or `.unsupported`.
  public init(parsing text: String, file: String) throws(ConfigError) {
    try self.init(bytes: Array(text.utf8), file: file)
  }

  private init(bytes: [UInt8], file: String) throws(ConfigError) {
    self.file = file
    let reader = EventReader(bytes: bytes, file: file)
    var builder = TreeBuilder(reader: reader, file: file)
    root = try builder.document()
  }
}

/// One libyaml event, copied out of C memory.
private struct Event {
  enum Kind {
    case streamStart, streamEnd, documentStart, documentEnd
    case scalar(String, YAMLScalarStyle)
    case sequenceStart, sequenceEnd, mappingStart, mappingEnd
  }

  var kind: Kind
  var mark: YAMLMark
}

/// Owns a `yaml_parser_t` and the input bytes it reads from, and hands out events.
private final class EventReader {
  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  /// A stable copy of the text for libyaml, which keeps a pointer to it while parsing.
  private let input: UnsafeMutableBufferPointer<UInt8>
  /// The text again, for turning error offsets into positions.
  private let bytes: [UInt8]
  private let file: String

  init(bytes: [UInt8], file: String) {
    self.file = file
    self.bytes = bytes
    input = .allocate(capacity: max(bytes.count, 1))
    _ = input.initialize(from: bytes)
    yaml_parser_initialize(parser)
    yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
  }

  deinit {
    yaml_parser_delete(parser)
    parser.deallocate()
    input.deallocate()
  }

  /// The next event, or a syntax error with its position.
  func next() throws(ConfigError) -> Event {
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
    defer { yaml_event_delete(&event) }

    let mark = YAMLMark(
      line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    let at = ConfigLocation(file: file, mark: mark)
    switch event.type {
    case YAML_STREAM_START_EVENT: return Event(kind: .streamStart, mark: mark)
    case YAML_STREAM_END_EVENT: return Event(kind: .streamEnd, mark: mark)
    case YAML_DOCUMENT_START_EVENT: return Event(kind: .documentStart, mark: mark)
    case YAML_DOCUMENT_END_EVENT: return Event(kind: .documentEnd, mark: mark)
    case YAML_ALIAS_EVENT: throw .unsupported(at, feature: "anchors and aliases")
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      try reject(anchor: data.anchor, at: at)
      var style = Self.style(data.style)
      if let tag = data.tag {
        guard String(cString: tag) == "tag:yaml.org,2002:str" else {
          throw .unsupported(at, feature: "YAML tags other than !!str")
        }
        if style == .plain { style = .singleQuoted }
      }
      let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
      return Event(kind: .scalar(String(decoding: bytes, as: UTF8.self), style), mark: mark)
    case YAML_SEQUENCE_START_EVENT:
      try reject(anchor: event.data.sequence_start.anchor, at: at)
      try reject(tag: event.data.sequence_start.tag, at: at)
      return Event(kind: .sequenceStart, mark: mark)
    case YAML_SEQUENCE_END_EVENT: return Event(kind: .sequenceEnd, mark: mark)
    case YAML_MAPPING_START_EVENT:
      try reject(anchor: event.data.mapping_start.anchor, at: at)
      try reject(tag: event.data.mapping_start.tag, at: at)
      return Event(kind: .mappingStart, mark: mark)
    case YAML_MAPPING_END_EVENT: return Event(kind: .mappingEnd, mark: mark)
    default: throw .syntax(at, message: "unexpected libyaml event \(event.type.rawValue)")
    }
  }

  private func reject(
    anchor: UnsafeMutablePointer<yaml_char_t>?, at: ConfigLocation
  )
    throws(ConfigError)
  {
    if anchor != nil { throw .unsupported(at, feature: "anchors and aliases") }
  }

  private func reject(
    tag: UnsafeMutablePointer<yaml_char_t>?, at: ConfigLocation
  )
    throws(ConfigError)
  {
    if tag != nil { throw .unsupported(at, feature: "YAML tags on lists and mappings") }
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  /// libyaml's problem and context, at the problem's position.
  private func syntaxError() -> ConfigError {
    let state = parser.pointee
    var message = state.problem.map { String(cString: $0) } ?? "cannot parse the file"
    if let context = state.context {
      let mark = state.context_mark
      message +=
        " (\(String(cString: context)) at line \(mark.line + 1)"
        + " column \(mark.column + 1))"
    }
    let mark: YAMLMark
    if state.error == YAML_READER_ERROR {
      mark = position(ofByte: state.problem_offset)
      if state.problem_value >= 0 {
        message += " (0x\(String(state.problem_value, radix: 16, uppercase: true)))"
      }
    } else {
      let problem = state.problem_mark
      mark = YAMLMark(line: Int(problem.line) + 1, column: Int(problem.column) + 1)
      if character(at: mark) == "\t", !message.contains("tab") {
        message += "; indent with spaces, not tabs"
      }
    }
    return .syntax(ConfigLocation(file: file, mark: mark), message: message)
  }

  /// The character at `mark`, or `nil` past the end of the text.
  private func character(at mark: YAMLMark) -> Character? {
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    guard mark.line <= lines.count else { return nil }
    let text = String(decoding: lines[mark.line - 1], as: UTF8.self)
    return text.dropFirst(mark.column - 1).first
  }

  /// The line and column of byte `offset` (reader errors carry only an offset).
  private func position(ofByte offset: Int) -> YAMLMark {
    let prefix = bytes.prefix(min(offset, bytes.count))
    let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let characters = prefix[lineStart...].filter { $0 & 0xC0 != 0x80 }.count
    return YAMLMark(line: line, column: characters + 1)
  }
}

/// Turns the event stream into nodes by recursive descent.
private struct TreeBuilder {
  let reader: EventReader
  let file: String
  private let maximumDepth = 64

  init(reader: EventReader, file: String) {
    self.reader = reader
    self.file = file
  }

  mutating func document() throws(ConfigError) -> YAMLNode? {
    _ = try reader.next()  // stream start
    let first = try reader.next()
    guard case .documentStart = first.kind else { return nil }

    let root = try node(from: try reader.next(), path: [])
    _ = try reader.next()  // document end
    let after = try reader.next()
    if case .documentStart = after.kind {
      let at = ConfigLocation(file: file, mark: after.mark)
      throw .unsupported(at, feature: "several documents in one file")
    }
    return root
  }

  private func node(from event: Event, path: [String]) throws(ConfigError) -> YAMLNode {
    guard path.count < maximumDepth else {
      let at = ConfigLocation(file: file, mark: event.mark)
      throw .unsupported(at, feature: "values nested deeper than \(maximumDepth) levels")
    }
    switch event.kind {
    case .scalar(let text, let style):
      return YAMLNode(.scalar(text, style), at: event.mark)
    case .sequenceStart:
      var items: [YAMLNode] = []
      while true {
        let next = try reader.next()
        if case .sequenceEnd = next.kind { break }
        items.append(try node(from: next, path: path + ["[\(items.count)]"]))
      }
      return YAMLNode(.sequence(items), at: event.mark)
    case .mappingStart:
      return YAMLNode(.mapping(try entries(path: path)), at: event.mark)
    default:
      let at = ConfigLocation(file: file, mark: event.mark)
      throw .syntax(at, message: "unexpected end of a collection or document")
    }
  }

  private func entries(path: [String]) throws(ConfigError) -> [YAMLEntry] {
    var entries: [YAMLEntry] = []
    var firstLines: [String: Int] = [:]
    while true {
      let keyEvent = try reader.next()
      let at = ConfigLocation(file: file, mark: keyEvent.mark)
      if case .mappingEnd = keyEvent.kind { break }
      guard case .scalar(let key, _) = keyEvent.kind else {
        throw .unsupported(at, feature: "mapping keys that are lists or mappings")
      }
      if let firstLine = firstLines[key] {
        let section = ConfigError.sectionName(path)
        throw .duplicateKey(at, key: key, section: section, firstLine: firstLine)
      }
      firstLines[key] = keyEvent.mark.line
      let value = try node(from: try reader.next(), path: path + [key])
      entries.append(YAMLEntry(key: key, keyMark: keyEvent.mark, value: value))
    }
    return entries
  }
}
