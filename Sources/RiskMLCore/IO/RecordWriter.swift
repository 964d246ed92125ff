/// Output formats for records.
public enum OutputFormat: String, Sendable, CaseIterable {
  case jsonl
  case csv
}

/// Writes records to a sink as JSON Lines or CSV.
///
/// CSV follows RFC 4180 with `\n` line ends and one number format. Nested objects are
/// flattened into dotted column names (`params.omega`); arrays are written as JSON text in
/// one cell. The CSV header is the first record's columns, unless `bufferedCSV` collects
/// every record first and writes the union of their columns (for small, whole-series
/// outputs whose records differ, such as a fit that did not converge).
public final class RecordWriter {
  public let format: OutputFormat
  private let sink: OutputSink
  private let flushEachRecord: Bool
  private let bufferedCSV: Bool
  private var csvColumns: [String]?
  private var pendingRows: [[(key: String, value: Value)]] = []
  private var scratch: [UInt8] = []

  /// The number of records written so far.
  public private(set) var recordsWritten = 0

  public init(sink: OutputSink, format: OutputFormat, bufferedCSV: Bool = false) {
    self.sink = sink
    self.format = format
    self.flushEachRecord = sink.isTerminal
    self.bufferedCSV = bufferedCSV
  }

  /// Writes one record.
  public func write(_ record: Record) throws {
    recordsWritten += 1
    switch format {
    case .jsonl:
      scratch.removeAll(keepingCapacity: true)
      record.appendJSON(to: &scratch)
      scratch.append(0x0A)
      try sink.write(scratch)
    case .csv:
      let flat = Self.flatten(record)
      if bufferedCSV {
        pendingRows.append(flat)
        return
      }
      try writeCSVRow(flat)
    }
    if flushEachRecord { try sink.flush() }
  }

  /// Writes anything held back and commits the sink (renaming a file into place).
  public func finish() throws {
    if bufferedCSV && format == .csv {
      var columns: [String] = []
      var seen = Set<String>()
      for row in pendingRows {
        for field in row where seen.insert(field.key).inserted { columns.append(field.key) }
      }
      csvColumns = columns
      try writeHeader(columns)
      for row in pendingRows { try writeCSVRow(row) }
      pendingRows = []
    }
    try sink.commit()
  }

  private func writeCSVRow(_ flat: [(key: String, value: Value)]) throws {
    if csvColumns == nil {
      csvColumns = flat.map(\.key)
      try writeHeader(csvColumns!)
    }
    let columns = csvColumns!
    var byKey: [String: Value] = [:]
    for field in flat { byKey[field.key] = field.value }
    if let unknown = flat.first(where: { !columns.contains($0.key) }) {
      throw OutputError.writeFailed(
        path: sink.name,
        reason: "field '\(unknown.key)' is not among the CSV columns; use --to jsonl")
    }
    scratch.removeAll(keepingCapacity: true)
    for (i, column) in columns.enumerated() {
      if i > 0 { scratch.append(UInt8(ascii: ",")) }
      Self.appendCSVCell(byKey[column] ?? .null, to: &scratch)
    }
    scratch.append(0x0A)
    try sink.write(scratch)
  }

  private func writeHeader(_ columns: [String]) throws {
    scratch.removeAll(keepingCapacity: true)
    for (i, column) in columns.enumerated() {
      if i > 0 { scratch.append(UInt8(ascii: ",")) }
      Self.appendCSVText(column, to: &scratch)
    }
    scratch.append(0x0A)
    try sink.write(scratch)
  }

  static func flatten(_ record: Record, prefix: String = "") -> [(key: String, value: Value)] {
    var out: [(key: String, value: Value)] = []
    for field in record.fields {
      let key = prefix.isEmpty ? field.key : prefix + "." + field.key
      if case .object(let nested) = field.value {
        out.append(contentsOf: flatten(nested, prefix: key))
      } else {
        out.append((key: key, value: field.value))
      }
    }
    return out
  }

  static func appendCSVCell(_ value: Value, to out: inout [UInt8]) {
    switch value {
    case .null: break
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .int(let integer): out.append(contentsOf: String(integer).utf8)
    case .double(let number):
      if number.isFinite { out.append(contentsOf: Value.formatNumber(number).utf8) }
    case .string(let text): appendCSVText(text, to: &out)
    case .array, .object: appendCSVText(value.jsonText, to: &out)
    }
  }

  static func appendCSVText(_ text: String, to out: inout [UInt8]) {
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      out.append(contentsOf: text.utf8)
      return
    }
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") { out.append(byte) }
      out.append(byte)
    }
    out.append(UInt8(ascii: "\""))
  }
}
