import RiskMLCore

// FIXME: fit-and-score holds the whole input text in memory while the detector is fitted;
// reading a file a second time to write the rows would bound memory by the feature matrix.
/// Every kept input row's fields, held compactly until they are written back out.
///
/// Fit-and-score must hold all rows while the detector is fitted. Rows whose fields are
/// all text (every CSV row) are stored as one UTF-8 byte buffer with an end offset per
/// field, about the size of the input text; other rows (typed JSONL values, extra JSONL
/// fields) are kept as values. `record(at:)` rebuilds the row as `reader.record(of:)`
/// gives it.
/// - Complexity: O(bytes) to store, O(fields) per record.
struct PassThroughRows: Sendable {
  private let header: [String]
  private var bytes: [UInt8] = []
  /// End offset in `bytes` of each stored field; a text row's fields are contiguous.
  private var ends: [Int] = []
  /// Per row, the index of its first field in `ends`, or -1 - index into `others`.
  private var starts: [Int] = []
  private var others: [Record] = []

  init(header: [String]) {
    self.header = header
  }

  /// The number of rows stored.
  var count: Int { starts.count }

  /// Stores `row`.
  mutating func append(_ row: TableRow, reader: TableReader) {
    guard row.extraFields.isEmpty, row.values.count == header.count,
      row.values.allSatisfy({ if case .string = $0 { return true } else { return false } })
    else {
      starts.append(-1 - others.count)
      others.append(reader.record(of: row))
      return
    }
    starts.append(ends.count)
    for case .string(let text) in row.values {
      bytes.append(contentsOf: text.utf8)
      ends.append(bytes.count)
    }
  }

  /// Row `index` as a record: each field under its column name.
  func record(at index: Int) -> Record {
    let start = starts[index]
    if start < 0 { return others[-1 - start] }
    var record = Record()
    var begin = start == 0 ? 0 : ends[start - 1]
    for (k, name) in header.enumerated() {
      let end = ends[start + k]
      record[name] = .string(String(decoding: bytes[begin..<end], as: UTF8.self))
      begin = end
    }
    return record
  }
}
