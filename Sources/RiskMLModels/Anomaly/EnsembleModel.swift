import RiskMLCore

/// A fitted ensemble: the members, their standardisation and the combination rule.
public struct EnsembleModel: FittedAnomalyDetector, Equatable {
  public let members: [FittedDetector]
  public let means: [Double]
  public let scales: [Double]
  public let combine: EnsembleCombination
  /// Member indices of each `aom` group.
  public let groups: [[Int]]

  public var featureCount: Int { members.first?.model.featureCount ?? 0 }

  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    guard !members.isEmpty, means.count == members.count, scales.count == members.count,
      groups.allSatisfy({ $0.allSatisfy { $0 >= 0 && $0 < members.count } })
    else { throw AnomalyError.invalidModel("ensemble members and statistics disagree") }
    let memberScores = try members.map { try $0.model.score(rows: rows, threads: threads) }
    return (0..<rows.rows).map { row in combine(memberScores.map { $0[row] }) }
  }

  /// The combined score of one row from its raw member scores.
  func combine(_ raw: [Double]) -> Double {
    let standardised = raw.indices.map { (raw[$0] - means[$0]) / scales[$0] }
    switch combine {
    case .mean:
      return standardised.reduce(0, +) / Double(standardised.count)
    case .max:
      return standardised.max()!
    case .aom:
      let maxima = groups.filter { !$0.isEmpty }.map { group in
        group.map { standardised[$0] }.max()!
      }
      return maxima.reduce(0, +) / Double(maxima.count)
    }
  }
}
