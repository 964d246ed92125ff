import RiskMLCore
import RiskMLModels

/// Fits an anomaly model on the whole input, then either writes the model file
/// (`riskml anomaly fit`) or writes every input row with its score (`riskml anomaly`).
///
/// Scored rows get the training scores `AnomalyModel.fit` returns (for ECOD and COPOD,
/// PyOD's `decision_scores_`; for the other detectors the same as scoring with the saved
/// model), so fit-and-score and fit followed by `score` agree for every detector but
/// those two.
struct AnomalyFitJob: SeriesJob {
  /// What the run produces.
  enum Output: Sendable {
    /// The model file at `path` (`-` is stdout).
    case model(path: String)
    /// The input rows with `anomaly_score`, `anomaly` and `top_features`.
    case scoredRows
  }

  struct Task: Sendable {
    let features: Matrix
    let names: [String]
  }

  struct Result: Sendable {
    let model: AnomalyModel
    let scores: [Double]
  }

  let settings: AnomalySettings
  let output: Output

  /// Rows per block when attributing scores to features.
  static let blockSize = 4096

  func preprocess(_ reader: TableReader, context: RunContext) throws -> FeatureTable {
    var writesModel = false
    if case .model = output { writesModel = true }
    let request = FeatureTable.Request(
      features: settings.features, excluded: settings.excluded, policy: settings.missing,
      dateColumn: nil, keepsRows: !writesModel, needsMedians: writesModel)
    let table = try FeatureTable.read(reader, request: request, context: context)
    context.report.settings = settings.record(features: table.columns.names)
    return table
  }

  func batch(_ table: FeatureTable, context: RunContext) throws -> [Task] {
    [Task(features: table.matrix, names: table.columns.names)]
  }

  func infer(_ task: Task) throws -> Result {
    let (model, scores) = try AnomalyModel.fit(
      features: task.features, featureNames: task.names, options: settings.model)
    return Result(model: model, scores: scores)
  }

  func postprocess(
    _ results: [Result], prepared table: FeatureTable, writer: RecordWriter, context: RunContext
  ) throws {
    guard let result = results.first else { return }
    let model = result.model
    let flagged = result.scores.lazy.filter(model.isAnomalous).count
    context.report.details["threshold"] = .number(model.threshold)
    context.report.details["anomalies"] = .int(flagged)
    context.diagnostics.info(
      "\(flagged) of \(result.scores.count) rows above the threshold "
        + Value.formatNumber(model.threshold))

    switch output {
    case .model(let path):
      try SavedAnomalyModel(model: model, featureMedians: table.medians).write(to: path)
    case .scoredRows:
      try writeScoredRows(result, table: table, writer: writer)
    }
  }

  private func writeScoredRows(
    _ result: Result, table: FeatureTable, writer: RecordWriter
  ) throws {
    guard let rows = table.rows else { return }
    let width = table.columns.names.count
    var start = 0
    while start < table.rowCount {
      let end = min(start + Self.blockSize, table.rowCount)
      var top: [[String]]?
      // FIXME: for ECOD and COPOD the attribution comes from the saved model's per-feature
      // terms for a new row, not from PyOD's training ranks behind the training scores; the
      // order of the features rarely differs, but it can.
      if settings.topCount > 0 {
        let block = Matrix(
          rows: end - start, columns: width,
          storage: Array(table.values[(start * width)..<(end * width)]))
        top = try result.model.topFeatures(rows: block, count: settings.topCount)
      }
      for row in start..<end {
        let score = result.scores[row]
        try writer.write(
          AnomalyRecord.make(
            rows.record(at: row), score: score, isAnomalous: result.model.isAnomalous(score),
            topFeatures: top.map { AnomalyRecord.names($0[row - start]) }))
      }
      start = end
    }
  }
}
