import Foundation
import RiskMLCore

/// A fitted anomaly model as `riskml anomaly fit -o model.json` saves it and
/// `riskml anomaly score --model model.json` loads it.
///
/// It holds the format version, the algorithm and the options it was fitted with, the
/// feature names in column order, the detector's state (standardisation, trees, weights,
/// ...), the threshold rule and the resolved threshold. Saving and loading reproduce
/// every score bit for bit: JSON numbers are written in Swift's shortest round-trip form.
public struct AnomalyModel: Sendable, Codable, Equatable {
  /// The model file format this version of riskml writes and reads.
  public static let currentFormatVersion = 1

  public let formatVersion: Int
  public let algorithm: AnomalyAlgorithm
  public let options: AnomalyOptions
  public let featureNames: [String]
  public let thresholdRule: AnomalyThreshold
  /// Rows scoring strictly above this are anomalous.
  public let threshold: Double
  public let detector: FittedDetector

  /// Fits `options.algorithm` on `features` (rows x features, names in column order).
  ///
  /// - Returns: the model and the training rows' scores (for ECOD and COPOD, PyOD's
  ///   training scores; for the others the same as `score(rows: features)`).
  /// - Throws: `AnomalyError` (bad data: exit 65; bad options: exit 64).
  public static func fit(
    features: Matrix, featureNames: [String], options: AnomalyOptions
  ) throws -> (model: AnomalyModel, trainingScores: [Double]) {
    guard featureNames.count == features.columns else {
      throw AnomalyError.invalidParameter(
        "\(featureNames.count) feature names for \(features.columns) columns")
    }
    do {
      let (detector, scores) = try FittedDetector.fit(
        features, options: options, algorithm: options.algorithm)
      let model = AnomalyModel(
        formatVersion: currentFormatVersion, algorithm: options.algorithm, options: options,
        featureNames: featureNames, thresholdRule: options.threshold,
        threshold: try options.threshold.resolve(trainingScores: scores), detector: detector)
      return (model, scores)
    } catch let error as AnomalyError {
      throw error.naming(featureNames)
    }
  }

  /// One score per row, higher is more abnormal; batch-invariant and thread-count-invariant.
  ///
  /// Score at most a few hundred thousand rows per call to keep memory flat.
  public func score(rows: Matrix, threads: Int = AnomalyDefaults.threads) throws -> [Double] {
    try detector.model.score(rows: rows, threads: threads)
  }

  /// Whether `score` is above the threshold.
  public func isAnomalous(_ score: Double) -> Bool {
    score > threshold
  }

  /// For each row the names of the `count` features contributing most, largest first, or
  /// `nil` when the algorithm cannot attribute scores (isolation forests, ensemble).
  public func topFeatures(rows: Matrix, count: Int) throws -> [[String]]? {
    try detector.model.topFeatures(rows: rows, count: count)?.map { indices in
      indices.map { featureNames[$0] }
    }
  }

  /// The model as JSON (keys sorted, so a refit with the same seed diffs clean).
  public func jsonData() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(self)
  }

  /// Reads a model written by `jsonData()`.
  ///
  /// - Throws: `AnomalyError.invalidModel` for another format version, malformed JSON or
  ///   content that disagrees with itself.
  public static func load(jsonData data: Data) throws -> AnomalyModel {
    let model: AnomalyModel
    do {
      model = try JSONDecoder().decode(AnomalyModel.self, from: data)
    } catch let error as AnomalyError {
      throw error
    } catch {
      throw AnomalyError.invalidModel("not a riskml anomaly model (\(error))")
    }
    guard model.formatVersion == currentFormatVersion else {
      throw AnomalyError.invalidModel(
        "format version \(model.formatVersion), this riskml reads \(currentFormatVersion)")
    }
    guard model.featureNames.count == model.detector.model.featureCount else {
      throw AnomalyError.invalidModel("feature names do not match the detector's features")
    }
    return model
  }
}
