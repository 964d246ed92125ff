import RiskMLCore
import RiskMLModels

/// The volatility pipeline for range estimators: one series of OHLC bars, one record per
/// date once the window is full.
struct RangeVolatilityJob: SeriesJob {
  /// The names `--model` accepts for range estimators.
  static let modelNames = RangeVolatilityEstimator.allCases.map(\.rawValue)

  struct Bars: Sendable {
    let table: SeriesTable
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
  }

  let estimator: RangeVolatilityEstimator
  let window: Int
  let periodsPerYear: Double
  let reader: SeriesTableReader
  let start: CalendarDate?
  let end: CalendarDate?

  init(estimator: RangeVolatilityEstimator, options: OptionValues) throws {
    self.estimator = estimator
    window = try options.int("window", in: 2...100_000) ?? 20
    let shortest = estimator == .closeToClose || estimator == .closeToCloseZeroMean ? 3 : 2
    guard window >= shortest else {
      throw UsageError("--window must be at least \(shortest) for \(estimator.rawValue)")
    }
    periodsPerYear =
      try options.double("annualize", expected: "a positive number") { $0 > 0 }
      ?? 252
    reader = SeriesTableReader(dateColumn: try options.string("date-column"))
    start = try options.value(
      "start", expected: "a date (YYYY-MM-DD)", CalendarDate.init(parsing:))
    end = try options.value("end", expected: "a date (YYYY-MM-DD)", CalendarDate.init(parsing:))
  }

  var settingsRecord: Record {
    [
      "model": .string(estimator.rawValue), "window": .int(window),
      "annualize": .double(periodsPerYear),
    ]
  }

  func preprocess(_ tableReader: TableReader, context: RunContext) throws -> Bars {
    var columns = reader
    columns.columns = try ["open", "high", "low", "close"].map { name in
      guard let found = tableReader.header.first(where: { $0.lowercased() == name }) else {
        throw InputError.missingColumn(
          file: tableReader.source, column: name.capitalized, available: tableReader.header)
      }
      return found
    }
    var table = try columns.read(tableReader, rejects: context.rejects)
    context.report.rowsRead = table.rowCount + context.rejects.count
    table = table.restricted(from: start, to: end)
    guard table.rowCount > 0 else {
      throw InputError.invalidData(
        "\(tableReader.source): no rows between the --start and --end dates")
    }
    table = try table.requiringComplete(rejects: context.rejects)
    table = try table.requiringPositivePrices(rejects: context.rejects)
    table = try table.rejectingRows(rejects: context.rejects) { row in
      let (open, high, low, close) = (
        table.values[0][row], table.values[1][row],
        table.values[2][row], table.values[3][row]
      )
      if high < low { return (1, "a High at or above the Low (\(low))", high) }
      if open > high || close > high { return (1, "a High at or above Open and Close", high) }
      if open < low || close < low { return (2, "a Low at or below Open and Close", low) }
      return nil
    }
    return Bars(
      table: table, open: table.values[0], high: table.values[1],
      low: table.values[2], close: table.values[3])
  }

  func batch(_ bars: Bars, context: RunContext) throws -> [Bars] { [bars] }

  func infer(_ bars: Bars) throws -> [Double?] {
    estimator.estimate(
      open: bars.open, high: bars.high, low: bars.low, close: bars.close,
      window: window, annualization: periodsPerYear)
  }

  func postprocess(
    _ results: [[Double?]], prepared bars: Bars, writer: RecordWriter, context: RunContext
  ) throws {
    if (results.first ?? []).allSatisfy({ $0 == nil }) {
      context.diagnostics.warning(
        "only \(bars.table.rowCount) bars, too few for --window \(window): no output")
    }
    for (row, volatility) in (results.first ?? []).enumerated() {
      guard let volatility else { continue }
      try writer.write([
        "date": .string(bars.table.label(ofRow: row)), "model": .string(estimator.rawValue),
        "window": .int(window), "vol": .number(volatility),
      ])
    }
  }
}
