/// A wide table of numeric series: one row per date, one column per asset.
///
/// Missing values are NaN. `dates` is empty when the input has no date column (a plain
/// list of returns, for example); `rowPositions` keeps each row's input position so later
/// checks can still point at the file and line.
public struct SeriesTable: Sendable {
  public var dates: [CalendarDate]
  public var columns: [String]
  /// One array per column, each as long as there are rows.
  public var values: [[Double]]
  public var rowPositions: [InputPosition]

  public init(
    dates: [CalendarDate], columns: [String], values: [[Double]], rowPositions: [InputPosition]
  ) {
    self.dates = dates
    self.columns = columns
    self.values = values
    self.rowPositions = rowPositions
  }

  /// The number of rows.
  public var rowCount: Int { rowPositions.count }

  /// Whether the table has dates.
  public var hasDates: Bool { !dates.isEmpty }

  /// The date of row `i` as text, or its row number when the input had no dates.
  public func label(ofRow i: Int) -> String {
    hasDates ? dates[i].description : String(i + 1)
  }

  /// The rows with dates inside `[start, end]` (either bound optional).
  public func restricted(from start: CalendarDate?, to end: CalendarDate?) -> SeriesTable {
    guard hasDates, start != nil || end != nil else { return self }
    let keep = dates.indices.filter { i in
      (start.map { dates[i] >= $0 } ?? true) && (end.map { dates[i] <= $0 } ?? true)
    }
    return SeriesTable(
      dates: keep.map { dates[$0] }, columns: columns,
      values: values.map { column in keep.map { column[$0] } },
      rowPositions: keep.map { rowPositions[$0] })
  }
}
