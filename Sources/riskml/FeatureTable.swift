import RiskMLCore
import RiskMLModels

/// Every usable row of an input, read at once for fitting or for rolling scores: the
/// feature matrix, each row's fields when the output needs them, the dates under
/// `--by-date`, and the features' training medians.
struct FeatureTable: Sendable {
  var columns: FeatureColumns
  /// Row-major feature values, `rowCount` x `columns.names.count`.
  var values: [Double] = []
  /// Each kept row's fields as read (nil unless asked for).
  var rows: PassThroughRows?
  /// Each kept row's date (empty without a date column).
  var dates: [CalendarDate] = []
  var rowCount = 0
  /// The median of each feature over its observed (not missing) training values; empty
  /// unless asked for.
  var medians: [Double] = []

  /// The features as a matrix, rows = kept input rows.
  var matrix: Matrix {
    Matrix(rows: rowCount, columns: columns.names.count, storage: values)
  }

  /// What to read and keep.
  struct Request: Sendable {
    /// `--features`, or nil for every numeric column.
    var features: [String]?
    var excluded: [String]
    var policy: MissingFeaturePolicy
    /// `--by-date`: rows must have strictly increasing dates in this column.
    var dateColumn: String?
    var keepsRows: Bool
    var needsMedians: Bool
  }

  /// Reads every row of `reader`; a bad row is rejected through `context.rejects`.
  ///
  /// - Throws: `InputError.headerOnly` for no rows, `.invalidData` when every row was
  ///   rejected or a feature has no value to impute from, and the first bad row's error
  ///   under `--on-error fail`.
  static func read(
    _ reader: TableReader, request: Request, context: RunContext
  ) throws -> FeatureTable {
    var sample: [TableRow] = []
    while sample.count < FeatureColumns.sampleSize, let row = try reader.nextRow() {
      sample.append(row)
    }
    guard !sample.isEmpty else { throw InputError.headerOnly(file: reader.source) }

    let dateIndex = try request.dateColumn.map { try reader.columnIndex($0) }
    let columns: FeatureColumns
    if let names = request.features {
      columns = try FeatureColumns(
        named: names.filter { !request.excluded.contains($0) }, reader: reader,
        policy: request.policy)
    } else {
      columns = try FeatureColumns(
        numericIn: reader, sample: sample,
        excluding: request.excluded + (request.dateColumn.map { [$0] } ?? []),
        policy: request.policy)
    }
    context.diagnostics.info("features: \(columns.names.joined(separator: ", "))")

    var table = FeatureTable(columns: columns)
    if request.keepsRows { table.rows = PassThroughRows(header: reader.header) }
    var rowsRead = 0
    func take(_ row: TableRow) throws {
      rowsRead += 1
      do {
        try table.append(row, reader: reader, dateIndex: dateIndex)
      } catch let error as InputError {
        try context.rejects.reject(error, row: reader.record(of: row), position: error.position)
      }
    }
    for row in sample { try take(row) }
    sample = []
    while let row = try reader.nextRow() { try take(row) }
    context.report.rowsRead = rowsRead

    guard table.rowCount > 0 else {
      throw InputError.invalidData("\(reader.source): every row was rejected")
    }
    if request.needsMedians || request.policy == .imputeMedian {
      try table.computeMedians(source: reader.source)
    }
    if request.policy == .imputeMedian { table.imputeMissing() }
    return table
  }

  private mutating func append(_ row: TableRow, reader: TableReader, dateIndex: Int?) throws {
    let date = try dateIndex.map { try self.date(of: row, column: $0, reader: reader) }
    let width = values.count
    do {
      try columns.append(row, reader: reader, to: &values)
    } catch {
      values.removeSubrange(width...)
      throw error
    }
    if let date { dates.append(date) }
    rows?.append(row, reader: reader)
    rowCount += 1
  }

  /// The row's date, which must come after the previous kept row's.
  private func date(of row: TableRow, column: Int, reader: TableReader) throws -> CalendarDate {
    let position = reader.position(of: row, column: column)
    let text = row.values[column].displayText
    guard let date = CalendarDate(parsing: text) else {
      throw InputError.badValue(position, value: text, expected: "a date (YYYY-MM-DD)")
    }
    if let previous = dates.last, date <= previous {
      throw InputError.unsortedDates(
        position, date: date.description, previous: previous.description)
    }
    return date
  }

  private mutating func computeMedians(source: String) throws {
    let width = columns.names.count
    medians = try (0..<width).map { k in
      var observed: [Double] = []
      observed.reserveCapacity(rowCount)
      for row in 0..<rowCount where !values[row * width + k].isNaN {
        observed.append(values[row * width + k])
      }
      guard !observed.isEmpty else {
        throw InputError.invalidData(
          "\(source): feature '\(columns.names[k])' has no values to take a median of")
      }
      observed.sort()
      return AnomalyThreshold.quantile(observed, 0.5)
    }
  }

  private mutating func imputeMissing() {
    let width = columns.names.count
    for index in values.indices where values[index].isNaN {
      values[index] = medians[index % width]
    }
    columns.imputation = medians
  }
}
