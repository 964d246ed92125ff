import RiskMLCore
import RiskMLModels

/// Scores a date-ordered table without look-ahead (`riskml anomaly --by-date COLUMN`):
/// each row against the `--window` rows before it only, with `RollingDetector`, so adding
/// later rows never changes an earlier row's score.
///
/// Dates must parse and increase strictly (one row per date); the first `window` rows
/// have no history and are written with a null score. There is no model to save.
struct RollingAnomalyJob: SeriesJob {
  struct Task: Sendable {
    let series: Matrix
  }

  let detector: RollingDetector
  let settings: AnomalySettings
  let dateColumn: String
  let threads: Int

  init(
    options: OptionValues, settings: AnomalySettings, dateColumn: String, threads: Int
  )
    throws
  {
    guard settings.missing != .imputeMedian else {
      throw UsageError(
        "--by-date takes --missing error or skip: a median to impute with would come "
          + "from rows the window must not see")
    }
    let window = try options.int("window") ?? 60
    let method = try options.choice("method", as: RollingDetector.Method.self) ?? .zscore
    let threshold = try options.double("threshold") ?? 3
    detector = RollingDetector(method: method, window: window, threshold: threshold)
    self.settings = settings
    self.dateColumn = dateColumn
    self.threads = threads
  }

  /// The settings for the run report.
  var settingsRecord: Record {
    var record: Record = [
      "by_date": .string(dateColumn), "method": .string(detector.method.rawValue),
      "window": .int(detector.window),
    ]
    if detector.method == .esd {
      record["alpha"] = .double(detector.alpha)
    } else {
      record["threshold"] = .double(detector.threshold)
    }
    record["missing"] = .string(settings.missing.rawValue)
    return record
  }

  func preprocess(_ reader: TableReader, context: RunContext) throws -> FeatureTable {
    let request = FeatureTable.Request(
      features: settings.features, excluded: settings.excluded, policy: settings.missing,
      dateColumn: dateColumn, keepsRows: true, needsMedians: false)
    let table = try FeatureTable.read(reader, request: request, context: context)
    var record = settingsRecord
    record["features"] = AnomalyRecord.names(table.columns.names)
    context.report.settings = record
    if table.rowCount <= detector.window {
      context.diagnostics.warning(
        "\(table.rowCount) rows and --window \(detector.window): no row has a full window "
          + "before it, so none is scored")
    }
    return table
  }

  func batch(_ table: FeatureTable, context: RunContext) throws -> [Task] {
    [Task(series: table.matrix)]
  }

  func infer(_ task: Task) throws -> [RollingDetector.RowScore?] {
    try detector.score(series: task.series, threads: threads)
  }

  func postprocess(
    _ results: [[RollingDetector.RowScore?]], prepared table: FeatureTable,
    writer: RecordWriter, context: RunContext
  ) throws {
    guard let scores = results.first, let rows = table.rows else { return }
    let names = table.columns.names
    let listsFeatures = settings.topCount > 0
    var flagged = 0
    for (row, scored) in scores.enumerated() {
      if scored?.isAnomalous == true { flagged += 1 }
      let top = scored.map { score in
        AnomalyRecord.names(score.featureOrder.prefix(settings.topCount).map { names[$0] })
      }
      try writer.write(
        AnomalyRecord.make(
          rows.record(at: row), score: scored?.score, isAnomalous: scored?.isAnomalous,
          topFeatures: listsFeatures ? (top ?? .null) : nil))
    }
    context.report.details["anomalies"] = .int(flagged)
  }
}
