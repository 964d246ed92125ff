import RiskMLCore

/// The fields `riskml anomaly` adds to every input row.
enum AnomalyRecord {
  /// `row` with `anomaly_score` (null when not scored or not finite), `anomaly` (null when
  /// not scored) and `top_features` when given (nil leaves it out: the detector cannot
  /// attribute its scores, or `--top 0`).
  static func make(
    _ row: Record, score: Double?, isAnomalous: Bool?, topFeatures: Value?
  ) -> Record {
    var record = row
    record["anomaly_score"] = .number(score)
    record["anomaly"] = isAnomalous.map(Value.bool) ?? .null
    if let topFeatures { record["top_features"] = topFeatures }
    return record
  }

  /// Feature names as a JSON list.
  static func names(_ names: [String]) -> Value {
    .array(names.map(Value.string))
  }
}
