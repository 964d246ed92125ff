import RiskMLCore

/// Optimised (or given) weights with their risk and return statistics.
public struct PortfolioResult: Sendable {
  /// Asset names, in input order.
  public let assets: [String]
  /// Weights; magnitudes below 1e-10 are set to 0.
  public let weights: [Double]
  /// Annualised expected return `w'mu`.
  public let expectedReturn: Double
  /// Annualised volatility `sqrt(w'Sw)`.
  public let volatility: Double
  /// `(w'mu - rf) / sqrt(w'Sw)`.
  public let sharpeRatio: Double
  /// Risk contributions `w_i (Sw)_i / sqrt(w'Sw)`; they add up to the volatility.
  public let riskContributions: [Double]
  /// Risk contributions as fractions `w_i (Sw)_i / w'Sw`; they add up to 1.
  public let riskContributionFractions: [Double]
  /// Solver iterations (active-set changes, Newton steps or simplex iterations; 0 if none).
  public let iterations: Int
  /// The KKT residual of the final QP (nil when no QP was solved).
  public let kktResidual: Double?
  /// The objective's name.
  public let objective: String

  /// Statistics of `weights` under `covariance` and `expectedReturns`.
  ///
  /// - Complexity: O(n^2).
  public init(
    assets: [String], weights rawWeights: [Double], covariance: Matrix,
    expectedReturns: [Double], riskFree: Double, iterations: Int, kktResidual: Double?,
    objective: String
  ) {
    let weights = rawWeights.map { abs($0) < 1e-10 ? 0 : $0 }
    let sw = covariance.multiplied(by: weights)
    var variance = 0.0
    var mean = 0.0
    for i in weights.indices {
      variance += weights[i] * sw[i]
      mean += weights[i] * expectedReturns[i]
    }
    let volatility = max(variance, 0).squareRoot()
    self.assets = assets
    self.weights = weights
    self.expectedReturn = mean
    self.volatility = volatility
    self.sharpeRatio = volatility > 0 ? (mean - riskFree) / volatility : .nan
    self.riskContributions = weights.indices.map {
      volatility > 0 ? weights[$0] * sw[$0] / volatility : 0
    }
    self.riskContributionFractions = weights.indices.map {
      variance > 0 ? weights[$0] * sw[$0] / variance : 0
    }
    self.iterations = iterations
    self.kktResidual = kktResidual
    self.objective = objective
  }

  /// One record per asset: `asset`, `weight`, `risk_contribution`,
  /// `risk_contribution_fraction`.
  public func records() -> [Record] {
    assets.indices.map { i in
      var record = Record()
      record["asset"] = .string(assets[i])
      record["weight"] = .number(weights[i])
      record["risk_contribution"] = .number(riskContributions[i])
      record["risk_contribution_fraction"] = .number(riskContributionFractions[i])
      return record
    }
  }

  /// The portfolio-level figures: `objective`, `expected_return`, `volatility`, `sharpe`,
  /// `iterations`, `kkt_residual`.
  public func summaryRecord() -> Record {
    var record = Record()
    record["objective"] = .string(objective)
    record["expected_return"] = .number(expectedReturn)
    record["volatility"] = .number(volatility)
    record["sharpe"] = .number(sharpeRatio)
    record["iterations"] = .int(iterations)
    record["kkt_residual"] = .number(kktResidual)
    return record
  }
}
