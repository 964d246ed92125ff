/// Reads a wide table of dates and numeric columns, checking what series models rely on.
///
/// - The date column is `dateColumn` if given, else the first column named like a date
///   (`date`, `Date`, `timestamp`, `time`, `day`), else none.
/// - The value columns are `columns` if given, else every other column.
/// - Values must be finite numbers or missing tokens (read as NaN).
/// - Dates must parse and increase strictly: unsorted or repeated dates are errors.
/// Under `--on-error skip`, a bad row is written to the rejects file and left out.
public struct SeriesTableReader: Sendable {
  public var dateColumn: String?
  public var columns: [String]?
  public var missing = MissingValues()

  public init(dateColumn: String? = nil, columns: [String]? = nil) {
    self.dateColumn = dateColumn
    self.columns = columns
  }

  static let dateColumnNames: Set<String> = ["date", "timestamp", "time", "day", "datetime"]

  /// Reads every row of `reader`.
  ///
  /// - Throws: `InputError` for a bad row under the `fail` policy, `.headerOnly` when no
  ///   usable row remains, `.missingColumn` for an unknown column name, `UsageError` when
  ///   `columns` names the date column.
  public func read(_ reader: TableReader, rejects: RejectLog) throws -> SeriesTable {
    let dateIndex = try resolveDateColumn(reader)
    let valueIndices = try resolveValueColumns(reader, excluding: dateIndex)

    var dates: [CalendarDate] = []
    var values = [[Double]](repeating: [], count: valueIndices.count)
    var positions: [InputPosition] = []
    var rowNumbers = 0

    while let row = try reader.nextRow() {
      rowNumbers += 1
      do {
        let date = try dateIndex.map { try parseDate(row, column: $0, reader: reader) }
        if let date, let previous = dates.last, date <= previous {
          throw InputError.unsortedDates(
            reader.position(of: row, column: dateIndex), date: date.description,
            previous: previous.description)
        }
        var parsed = [Double](repeating: .nan, count: valueIndices.count)
        for (k, column) in valueIndices.enumerated() {
          parsed[k] =
            try row.values[column].finiteNumber(
              at: reader.position(of: row, column: column), missing: missing) ?? .nan
        }
        if let date { dates.append(date) }
        for k in parsed.indices { values[k].append(parsed[k]) }
        positions.append(reader.position(of: row))
      } catch {
        try rejects.reject(
          error, row: reader.record(of: row), position: (error as? InputError)?.position)
      }
    }

    guard rowNumbers > 0 else { throw InputError.headerOnly(file: reader.source) }
    guard !positions.isEmpty else {
      throw InputError.invalidData("\(reader.source): every row was rejected")
    }
    return SeriesTable(
      dates: dates, columns: valueIndices.map { reader.header[$0] }, values: values,
      rowPositions: positions)
  }

  private func resolveDateColumn(_ reader: TableReader) throws -> Int? {
    if let dateColumn { return try reader.columnIndex(dateColumn) }
    return reader.header.firstIndex { Self.dateColumnNames.contains($0.lowercased()) }
  }

  private func resolveValueColumns(_ reader: TableReader, excluding dateIndex: Int?) throws -> [Int]
  {
    if let columns {
      let indices = try columns.map { try reader.columnIndex($0) }
      if let dateIndex, indices.contains(dateIndex) {
        throw UsageError("--columns names the date column '\(reader.header[dateIndex])'")
      }
      return indices
    }
    let indices = reader.header.indices.filter { $0 != dateIndex }
    guard !indices.isEmpty else {
      throw InputError.invalidData("\(reader.source): no value columns besides the date")
    }
    return indices
  }

  private func parseDate(_ row: TableRow, column: Int, reader: TableReader) throws -> CalendarDate {
    let text = row.values[column].displayText
    guard let date = CalendarDate(parsing: text) else {
      throw InputError.badValue(
        reader.position(of: row, column: column), value: text,
        expected: "a date (YYYY-MM-DD or M/D/YYYY)")
    }
    return date
  }
}
