import RiskMLCore
import RiskMLModels

/// Scores rows with a saved model (`riskml anomaly score --model FILE`), streaming: rows
/// go through in batches of `batchSize`, so memory does not grow with the input. The
/// model is never refitted, and a row's score does not depend on its batch.
struct AnomalyScoreJob: RowJob {
  struct Item: Sendable {
    let row: Record
    let features: [Double]
  }

  struct Result: Sendable {
    let score: Double
    let topFeatures: [String]?
  }

  let model: AnomalyModel
  let columns: FeatureColumns
  let topCount: Int
  let threads: Int
  let batchSize = 4096

  /// A job for `reader`'s columns.
  ///
  /// - Throws: `InputError.missingColumn` when the input lacks one of the model's
  ///   features; `.invalidData` for `--missing impute-median` with a model that holds no
  ///   training medians.
  init(
    saved: SavedAnomalyModel, reader: TableReader, settings: AnomalySettings, threads: Int
  ) throws {
    model = saved.model
    var columns = try FeatureColumns(
      named: saved.model.featureNames, reader: reader, policy: settings.missing)
    if settings.missing == .imputeMedian {
      guard let medians = saved.featureMedians else {
        throw InputError.invalidData(
          "the model holds no training medians for --missing impute-median; "
            + "refit it with 'riskml anomaly fit'")
      }
      columns.imputation = medians
    }
    self.columns = columns
    topCount = model.algorithm.hasFeatureContributions ? settings.topCount : 0
    self.threads = threads
  }

  func preprocess(_ row: TableRow, reader: TableReader) throws -> Item {
    var features: [Double] = []
    features.reserveCapacity(columns.indices.count)
    try columns.append(row, reader: reader, to: &features)
    return Item(row: reader.record(of: row), features: features)
  }

  func infer(_ batch: [Item]) throws -> [Result] {
    let width = columns.indices.count
    var storage: [Double] = []
    storage.reserveCapacity(batch.count * width)
    for item in batch { storage.append(contentsOf: item.features) }
    let rows = Matrix(rows: batch.count, columns: width, storage: storage)
    let scores = try model.score(rows: rows, threads: threads)
    let top = topCount > 0 ? try model.topFeatures(rows: rows, count: topCount) : nil
    return scores.indices.map { Result(score: scores[$0], topFeatures: top?[$0]) }
  }

  func postprocess(_ result: Result, item: Item) throws -> Record {
    AnomalyRecord.make(
      item.row, score: result.score, isAnomalous: model.isAnomalous(result.score),
      topFeatures: result.topFeatures.map(AnomalyRecord.names))
  }
}
