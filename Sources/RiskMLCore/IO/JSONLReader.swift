/// Reads JSON Lines: one JSON object per line; blank lines are skipped.
///
/// The header is the first object's keys. Later objects may omit keys (read as null) or add
/// keys, which travel with the row as `extraFields` so pass-through output keeps them.
public final class JSONLReader: TableReader {
  public let source: String
  public private(set) var header: [String] = []
  private let input: ByteSource
  private let maxLineBytes: Int
  private var line = 0
  private var pending: TableRow?
  private var lineBytes: [UInt8] = []

  /// Opens the input and reads its first object to learn the header.
  public init(input: ByteSource, maxLineBytes: Int = 64 << 20) throws {
    self.input = input
    self.source = input.name
    self.maxLineBytes = maxLineBytes
    guard let (firstLine, object) = try readObject() else { throw InputError.empty(file: source) }
    header = object.keys
    pending = TableRow(source: source, line: firstLine, values: object.fields.map(\.value))
  }

  public func nextRow() throws -> TableRow? {
    if let first = pending {
      pending = nil
      return first
    }
    guard let (lineNumber, object) = try readObject() else { return nil }
    var values = [Value](repeating: .null, count: header.count)
    var extra: [(key: String, value: Value)] = []
    for (key, value) in object.fields {
      if let index = header.firstIndex(of: key) {
        values[index] = value
      } else {
        extra.append((key: key, value: value))
      }
    }
    return TableRow(source: source, line: lineNumber, values: values, extraFields: extra)
  }

  private func readObject() throws -> (Int, Record)? {
    while try readLine() {
      if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      let position = InputPosition(file: source, line: line)
      do {
        guard case .object(let record) = try JSONParser.parse(lineBytes) else {
          throw InputError.invalidJSON(position, reason: "a line must hold one JSON object")
        }
        return (line, record)
      } catch let failure as JSONParser.Failure {
        let at = position.at(column: failure.column, field: nil)
        if failure.reason.contains("UTF-8") { throw InputError.invalidUTF8(at) }
        throw InputError.invalidJSON(at, reason: failure.reason)
      }
    }
    return nil
  }

  /// Reads the next line into `lineBytes`; false at the end of input.
  private func readLine() throws -> Bool {
    lineBytes.removeAll(keepingCapacity: true)
    var sawNewline = false
    var sawAnything = false
    while !sawNewline {
      let hasMore = try input.withAvailableBytes { bytes in
        sawAnything = true
        if let newline = bytes.firstIndex(of: 0x0A) {
          lineBytes.append(contentsOf: bytes[..<newline])
          sawNewline = true
          return newline + 1
        }
        lineBytes.append(contentsOf: bytes)
        return bytes.count
      }
      if !hasMore { break }
      if lineBytes.count > maxLineBytes {
        throw InputError.lineTooLong(
          InputPosition(file: source, line: line + 1), limit: maxLineBytes)
      }
    }
    guard sawAnything else { return false }
    line += 1
    if line == 1, lineBytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineBytes.removeFirst(3) }
    return true
  }
}
