import Foundation
import RiskMLCore

/// A detector configuration that can be fitted on a feature matrix.
///
/// Rows are observations and columns features, row-major (`Matrix`). Fitting never
/// mutates the detector; the result is a self-contained, `Codable` model.
public protocol AnomalyDetector: Sendable {
  associatedtype Model: FittedAnomalyDetector

  /// Fits on `features`.
  ///
  /// - Throws: `AnomalyError` for an empty matrix, a NaN or infinite value, too few rows,
  ///   or (for detectors that standardise) a constant feature.
  func fit(features: Matrix) throws -> Model

  /// Fits on `features` and returns the scores of those same rows.
  ///
  /// The default scores the rows with the fitted model. ECOD and COPOD override it to
  /// return PyOD's training scores (`decision_scores_`), which use the empirical CDF of
  /// the training rows themselves.
  func fitAndScore(features: Matrix, threads: Int) throws -> (model: Model, scores: [Double])
}

extension AnomalyDetector {
  public func fitAndScore(
    features: Matrix, threads: Int
  ) throws -> (model: Model, scores: [Double]) {
    let model = try fit(features: features)
    return (model, try model.score(rows: features, threads: threads))
  }
}

/// A fitted detector: scores rows, higher meaning more abnormal.
///
/// Scores are batch-invariant (a row's score depends only on the row and the model) and
/// thread-safe (models are immutable values). They do not depend on `threads`.
public protocol FittedAnomalyDetector: Sendable, Codable {
  /// The number of features the model was fitted on.
  var featureCount: Int { get }

  /// One score per row of `rows`.
  ///
  /// - Throws: `AnomalyError.featureCountMismatch`, or `.nonFinite` naming the row and
  ///   feature of the first NaN or infinite value.
  func score(rows: Matrix, threads: Int) throws -> [Double]

  /// Per-feature contributions to each row's score (rows x features), for detectors whose
  /// score is a sum or maximum of per-feature terms; `nil` for the others.
  func contributions(rows: Matrix) throws -> Matrix?
}

extension FittedAnomalyDetector {
  /// One score per row, using every core.
  public func score(rows: Matrix) throws -> [Double] {
    try score(rows: rows, threads: AnomalyDefaults.threads)
  }

  public func contributions(rows: Matrix) throws -> Matrix? { nil }

  /// For each row, the indices of the `count` features that contribute most to its score,
  /// largest first; `nil` when the detector cannot attribute its score to features.
  public func topFeatures(rows: Matrix, count: Int) throws -> [[Int]]? {
    guard let terms = try contributions(rows: rows) else { return nil }
    return (0..<terms.rows).map { FeatureCheck.topIndices(terms.row($0), count: count) }
  }
}

/// Defaults shared by the detectors.
public enum AnomalyDefaults {
  /// The number of worker threads used when none is given: the active processor count.
  public static var threads: Int { ProcessInfo.processInfo.activeProcessorCount }
}
