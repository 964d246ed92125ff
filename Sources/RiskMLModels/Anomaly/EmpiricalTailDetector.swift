import RiskMLCore

/// ECOD (Li, Zhao, Botta, Ionescu and Hu, "ECOD: Unsupervised Outlier Detection Using
/// Empirical Cumulative Distribution Functions", IEEE TKDE 2022) and COPOD (Li, Zhao,
/// Botta, Ionescu and Hu, "COPOD: Copula-Based Outlier Detection", ICDM 2020), with
/// PyOD's definitions of the per-cell term and its skewness correction.
///
/// ECOD scores a row by the sum over features of max(-ln F_l, -ln F_r, U_skew); COPOD by
/// the sum of max(U_skew, (U_l + U_r)/2). See `EmpiricalTailModel` for the tails and for
/// how training and new rows differ. Both are parameter-free and deterministic.
///
/// NaN policy: none accepted (`AnomalyError.nonFinite`). A constant feature contributes
/// 0 to every training score and ln(n + 1) or 0 to new rows; it is not an error.
/// - Complexity: fit O(d n log n); memory n * d doubles (the model keeps the columns).
public struct EmpiricalTailDetector: AnomalyDetector, Equatable {
  public var rule: EmpiricalTailRule

  public init(rule: EmpiricalTailRule) {
    self.rule = rule
  }

  /// ECOD, PyOD's default detector of this family.
  public static let ecod = EmpiricalTailDetector(rule: .ecod)
  /// COPOD.
  public static let copod = EmpiricalTailDetector(rule: .copod)

  public func fit(features: Matrix) throws -> EmpiricalTailModel {
    try FeatureCheck.validate(features, minimumRows: 2)
    return EmpiricalTailModel(rule: rule, features: features)
  }

  /// Fits and returns PyOD's training scores (`decision_scores_`) for the same rows.
  public func fitAndScore(
    features: Matrix, threads: Int
  ) throws -> (model: EmpiricalTailModel, scores: [Double]) {
    let model = try fit(features: features)
    let terms = model.trainingContributions(features)
    let scores = (0..<terms.rows).map { row in
      var total = 0.0
      for j in 0..<terms.columns { total += terms[row, j] }
      return total
    }
    return (model, scores)
  }
}
