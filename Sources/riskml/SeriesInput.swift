import RiskMLCore

/// The options every whole-series subcommand shares for reading its table: columns,
/// date column and range, and turning prices into returns. A command without a `--scale`
/// option gets `defaultPriceScale` for prices and 1 for returns.
struct SeriesInput: Sendable {
  var reader: SeriesTableReader
  var start: CalendarDate?
  var end: CalendarDate?
  var isReturns: Bool
  var returnType: ReturnType
  var scale: Double

  /// The options `SeriesInput` reads, for a command's option table: `--returns`,
  /// `--return-type` (its default differs by command), `--columns`, `--date-column`,
  /// `--start` and `--end`.
  static func optionSpecs(defaultReturnType: ReturnType) -> [OptionSpec] {
    [
      OptionSpec("returns", help: "The values are already returns, not prices."),
      OptionSpec(
        "return-type", value: "TYPE", choices: ["log", "simple"],
        default: defaultReturnType.rawValue, help: "Returns computed from prices."),
      OptionSpec(
        "columns", short: "c", value: "A,B",
        help: "Asset columns (default: every column but the date)."),
      OptionSpec("date-column", value: "NAME", help: "The date column (default: one named Date)."),
      OptionSpec("start", value: "DATE", help: "First date used (YYYY-MM-DD)."),
      OptionSpec("end", value: "DATE", help: "Last date used (YYYY-MM-DD)."),
    ]
  }

  init(options: OptionValues, defaultReturnType: ReturnType, defaultPriceScale: Double) throws {
    reader = SeriesTableReader(
      dateColumn: try options.string("date-column"), columns: try options.list("columns"))
    start = try options.value("start", expected: "a date (YYYY-MM-DD)", CalendarDate.init(parsing:))
    end = try options.value("end", expected: "a date (YYYY-MM-DD)", CalendarDate.init(parsing:))
    if let start, let end, start > end {
      throw UsageError("--start \(start) is after --end \(end)")
    }
    isReturns = try options.flag("returns")
    returnType = try options.choice("return-type", as: ReturnType.self) ?? defaultReturnType
    let hasScale = options.arguments.command.option("scale") != nil
    let given = hasScale ? try options.double("scale") : nil
    scale = given ?? (isReturns ? 1 : defaultPriceScale)
    guard scale > 0 else { throw UsageError("--scale must be positive") }
  }

  /// Reads the table and returns it as returns: checked, restricted to the date range,
  /// converted from prices unless `--returns`, and scaled. Interior gaps are errors unless
  /// `allowsGaps` (for estimators with their own missing-data policy).
  func readReturns(
    from tableReader: TableReader, context: RunContext, allowsGaps: Bool = false
  ) throws -> SeriesTable {
    var table = try reader.read(tableReader, rejects: context.rejects)
    context.report.rowsRead = table.rowCount + context.rejects.count
    if !table.hasDates && (start != nil || end != nil) {
      throw UsageError("--start and --end need a date column; name it with --date-column")
    }
    table = table.restricted(from: start, to: end)
    guard table.rowCount > 0 else {
      throw InputError.invalidData(
        "\(tableReader.source): no rows between the --start and --end dates")
    }
    if !allowsGaps { table = try table.requiringNoInteriorGaps(rejects: context.rejects) }
    if isReturns {
      return scale == 1 ? table : table.scaled(by: scale)
    }
    table = try table.requiringPositivePrices(rejects: context.rejects, for: returnType)
    return table.returns(returnType, scale: scale)
  }
}

extension SeriesTable {
  /// The values as a T x N matrix, rows = dates, NaN where missing.
  var matrix: Matrix {
    var result = Matrix(rows: rowCount, columns: columns.count, repeating: .nan)
    for (k, column) in values.enumerated() {
      for (t, value) in column.enumerated() { result[t, k] = value }
    }
    return result
  }

  /// Every value multiplied by `factor`.
  func scaled(by factor: Double) -> SeriesTable {
    var copy = self
    copy.values = values.map { column in column.map { $0 * factor } }
    return copy
  }

  /// Column `k` without the missing values before it starts and after it ends, with the
  /// index of its first kept row.
  func observedRange(ofColumn k: Int) -> (values: [Double], firstRow: Int)? {
    let column = values[k]
    guard let first = column.firstIndex(where: { !$0.isNaN }),
      let last = column.lastIndex(where: { !$0.isNaN })
    else { return nil }
    return (Array(column[first...last]), first)
  }
}
