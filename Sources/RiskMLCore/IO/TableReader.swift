/// One data row as read, before any parsing of its values.
public struct TableRow: Sendable {
  /// The input the row came from: a path or `<stdin>`.
  public var source: String
  /// The 1-based line the row starts on.
  public var line: Int
  /// The values in header order: strings from CSV, typed values from JSONL.
  public var values: [Value]
  /// JSONL fields that the header (the first object's keys) does not name, in input order.
  public var extraFields: [(key: String, value: Value)] = []

  public init(
    source: String, line: Int, values: [Value], extraFields: [(key: String, value: Value)] = []
  ) {
    self.source = source
    self.line = line
    self.values = values
    self.extraFields = extraFields
  }
}

/// A source of rows with named columns: CSV or JSONL, from a file or standard input.
public protocol TableReader: AnyObject {
  /// The input's name for messages: a path or `<stdin>`.
  var source: String { get }
  /// The column names.
  var header: [String] { get }
  /// The next row, or nil at the end of the input.
  func nextRow() throws -> TableRow?
}

extension TableReader {
  /// The position of a row, and of one of its columns when given.
  public func position(of row: TableRow, column: Int? = nil) -> InputPosition {
    InputPosition(
      file: row.source, line: row.line, column: column.map { $0 + 1 },
      field: column.map { header[$0] })
  }

  /// The index of the column named `name`.
  ///
  /// - Throws: `InputError.missingColumn` listing the columns the input does have.
  public func columnIndex(_ name: String) throws -> Int {
    guard let index = header.firstIndex(of: name) else {
      throw InputError.missingColumn(file: source, column: name, available: header)
    }
    return index
  }

  /// The row as a record: every field under its column name, extra JSONL fields after.
  public func record(of row: TableRow) -> Record {
    var record = Record()
    for (name, value) in zip(header, row.values) { record[name] = value }
    for (name, value) in row.extraFields { record[name] = value }
    return record
  }
}
