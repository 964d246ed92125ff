/// Where a value came from: a file (or `<stdin>`), a 1-based line, and optionally a column.
///
/// For CSV the column is the 1-based field number; for JSONL it is the field's key.
public struct InputPosition: Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int?
  public var field: String?

  public init(file: String, line: Int, column: Int? = nil, field: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
  }

  /// `file:line:column`, the form editors and `grep -n` users recognise.
  public var description: String {
    var text = "\(file):\(line)"
    if let column { text += ":\(column)" }
    return text
  }

  /// The same position, narrowed to one field.
  public func at(column: Int?, field: String?) -> InputPosition {
    InputPosition(file: file, line: line, column: column, field: field)
  }
}
