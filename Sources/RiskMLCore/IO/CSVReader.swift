/// Settings for reading CSV.
public struct CSVDialect: Sendable, Equatable {
  /// The field separator, one ASCII byte (`,` by default; `\t` for TSV).
  public var delimiter: UInt8 = UInt8(ascii: ",")
  /// Whether the first record names the columns.
  public var hasHeader = true
  /// The longest record accepted, in bytes, so that a file without newlines cannot exhaust memory.
  public var maxRecordBytes = 64 << 20

  public init(delimiter: UInt8 = UInt8(ascii: ","), hasHeader: Bool = true) {
    self.delimiter = delimiter
    self.hasHeader = hasHeader
  }
}

/// A streaming RFC 4180 reader: quoted fields, doubled quotes, delimiters and newlines
/// inside quotes, CRLF or LF line ends, and a leading UTF-8 byte-order mark.
///
/// Records are checked for valid UTF-8 and for the header's field count. Line numbers are
/// physical lines, so a record with embedded newlines reports the line it starts on.
/// - Complexity: O(bytes), memory bounded by the longest record.
public final class CSVReader: TableReader {
  public let source: String
  public private(set) var header: [String] = []
  private let input: ByteSource
  private let dialect: CSVDialect
  private var line = 1
  private var pendingFirstRecord: [String]?
  private var pendingFirstLine = 1
  private var fieldBytes: [UInt8] = []

  /// Opens the input and reads the header (or, with `hasHeader` false, names the columns
  /// `column1`, `column2`, ... after the first record's width).
  public init(input: ByteSource, dialect: CSVDialect = CSVDialect()) throws {
    self.input = input
    self.dialect = dialect
    self.source = input.name
    fieldBytes.reserveCapacity(256)
    try skipByteOrderMark()

    guard let (first, firstLine) = try readRecord() else { throw InputError.empty(file: source) }
    if dialect.hasHeader {
      header = first.map { $0.trimmingSpaces() }
    } else {
      header = (1...first.count).map { "column\($0)" }
      pendingFirstRecord = first
      pendingFirstLine = firstLine
    }
  }

  public func nextRow() throws -> TableRow? {
    if let first = pendingFirstRecord {
      pendingFirstRecord = nil
      return TableRow(source: source, line: pendingFirstLine, values: first.map(Value.string))
    }
    while let (fields, startLine) = try readRecord() {
      if fields.count == 1 && fields[0].isEmpty && header.count > 1 { continue }
      guard fields.count == header.count else {
        throw InputError.raggedRow(
          InputPosition(file: source, line: startLine), expected: header.count, found: fields.count)
      }
      return TableRow(source: source, line: startLine, values: fields.map(Value.string))
    }
    return nil
  }

  private func skipByteOrderMark() throws {
    guard try input.peek() == 0xEF else { return }
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    for expected in bom {
      guard try input.next() == expected else {
        throw InputError.invalidUTF8(InputPosition(file: source, line: 1, column: 1))
      }
    }
  }

  /// Reads one record; nil at the end of input. Returns the fields and the starting line.
  private func readRecord() throws -> ([String], Int)? {
    guard try input.peek() != nil else { return nil }
    if let simple = try readSimpleRecord() { return simple }
    let startLine = line
    var fields: [String] = []
    var recordBytes = 0

    while true {
      let terminator = try readField(startLine: startLine, recordBytes: &recordBytes)
      fields.append(try makeString(startLine: startLine, column: fields.count + 1))
      switch terminator {
      case .delimiter: continue
      case .endOfRecord, .endOfInput: return (fields, startLine)
      }
    }
  }

  /// The fast path: a record without quotes that ends inside the bytes already buffered is
  /// split in one pass. Anything else (quotes, a record spanning chunks, invalid UTF-8, an
  /// over-long record) returns nil without consuming input, for the general parser.
  private func readSimpleRecord() throws -> ([String], Int)? {
    var fields: [String] = []
    fields.reserveCapacity(header.count)
    let delimiter = dialect.delimiter
    let limit = dialect.maxRecordBytes
    _ = try input.withAvailableBytes { bytes in
      guard let end = bytes.firstIndex(of: 0x0A), end <= limit else { return 0 }
      var start = 0
      for i in 0...end where i == end || bytes[i] == delimiter {
        var stop = i
        if i == end && stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<stop])
        guard !slice.contains(UInt8(ascii: "\"")),
          let field = String(validating: slice, as: UTF8.self)
        else {
          fields = []
          return 0
        }
        fields.append(field)
        start = i + 1
      }
      return end + 1
    }
    guard !fields.isEmpty else { return nil }
    line += 1
    return (fields, line - 1)
  }

  private enum Terminator { case delimiter, endOfRecord, endOfInput }

  private func readField(startLine: Int, recordBytes: inout Int) throws -> Terminator {
    fieldBytes.removeAll(keepingCapacity: true)
    let quote = UInt8(ascii: "\"")
    let delimiter = dialect.delimiter
    let newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")

    if try input.peek() == quote {
      _ = try input.next()
      return try readQuotedField(startLine: startLine, recordBytes: &recordBytes)
    }

    var terminator = Terminator.endOfInput
    var done = false
    while !done {
      let hasMore = try input.withAvailableBytes { bytes in
        var i = 0
        while i < bytes.count, bytes[i] != delimiter, bytes[i] != newline { i += 1 }
        fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<i]))
        guard i < bytes.count else { return i }
        terminator = bytes[i] == delimiter ? .delimiter : .endOfRecord
        done = true
        return i + 1
      }
      if !hasMore { break }
      if recordBytes + fieldBytes.count > dialect.maxRecordBytes {
        throw InputError.lineTooLong(
          InputPosition(file: source, line: startLine),
          limit: dialect.maxRecordBytes)
      }
    }
    recordBytes += fieldBytes.count
    if fieldBytes.last == carriageReturn { fieldBytes.removeLast() }
    if terminator == .endOfRecord { line += 1 }
    return terminator
  }

  private func readQuotedField(startLine: Int, recordBytes: inout Int) throws -> Terminator {
    let quote = UInt8(ascii: "\"")
    while true {
      guard let byte = try input.next() else {
        throw InputError.unterminatedQuote(InputPosition(file: source, line: startLine))
      }
      if byte == quote {
        if try input.peek() == quote {
          _ = try input.next()
          fieldBytes.append(quote)
          continue
        }
        return try readAfterClosingQuote(startLine: startLine)
      }
      if byte == UInt8(ascii: "\n") { line += 1 }
      fieldBytes.append(byte)
      recordBytes += 1
      if recordBytes > dialect.maxRecordBytes {
        throw InputError.lineTooLong(
          InputPosition(file: source, line: startLine),
          limit: dialect.maxRecordBytes)
      }
    }
  }

  /// After a closing quote only spaces, then a delimiter or a line end, may follow.
  private func readAfterClosingQuote(startLine: Int) throws -> Terminator {
    while let byte = try input.next() {
      switch byte {
      case dialect.delimiter: return .delimiter
      case UInt8(ascii: "\n"):
        line += 1
        return .endOfRecord
      case UInt8(ascii: "\r"), UInt8(ascii: " "): continue
      default:
        throw InputError.badValue(
          InputPosition(file: source, line: line), value: String(UnicodeScalar(byte)),
          expected: "a delimiter or line end after a closing quote")
      }
    }
    return .endOfInput
  }

  private func makeString(startLine: Int, column: Int) throws -> String {
    guard let text = String(validating: fieldBytes, as: UTF8.self) else {
      throw InputError.invalidUTF8(InputPosition(file: source, line: startLine, column: column))
    }
    return text
  }
}

extension String {
  /// The string without leading and trailing ASCII spaces and tabs.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
    return String(scalars[first...last])
  }
}
