import RiskMLCore

/// Expected return, volatility, Sharpe ratio and risk contributions of given weights.
///
/// Inputs are one-period figures; `periodsPerYear` (252 for daily data) annualises them:
/// return mu^T w * P, volatility sqrt(w^T Sigma w * P), Sharpe (return - riskFree) /
/// volatility with `riskFree` already annual. Usage:
///
///     let stats = PortfolioStatistics(weights: w, means: mu, covariance: cov)
///     stats.riskContributions   // fractions of the variance, summing to 1
public struct PortfolioStatistics: Sendable, Equatable {
  public let expectedReturn: Double
  public let volatility: Double
  /// NaN when the volatility is 0.
  public let sharpe: Double
  /// w_i (Sigma w)_i / (w^T Sigma w): each asset's share of the variance (Euler), summing
  /// to 1; NaN when the variance is 0.
  public let riskContributions: [Double]

  public init(
    weights: [Double], means: [Double], covariance: Matrix, periodsPerYear: Double = 252,
    riskFree: Double = 0
  ) {
    precondition(
      weights.count == means.count && weights.count == covariance.rows,
      "weights, means and covariance must agree in size")
    let sigmaW = covariance.multiplied(by: weights)
    let variance = zip(weights, sigmaW).reduce(0) { $0 + $1.0 * $1.1 }
    expectedReturn = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 } * periodsPerYear
    volatility = (max(variance, 0) * periodsPerYear).squareRoot()
    sharpe = volatility > 0 ? (expectedReturn - riskFree) / volatility : .nan
    riskContributions = zip(weights, sigmaW).map { variance > 0 ? $0.0 * $0.1 / variance : .nan }
  }

  /// `expected_return`, `volatility`, `sharpe`.
  public func record() -> Record {
    [
      "expected_return": .number(expectedReturn), "volatility": .number(volatility),
      "sharpe": .number(sharpe),
    ]
  }

  /// Per-asset records `asset`, `weight`, `risk_contribution`; weights below 1e-10 in
  /// magnitude are written as 0.
  public func assetRecords(assets: [String], weights: [Double]) -> [Record] {
    assets.indices.map { i in
      [
        "asset": .string(assets[i]),
        "weight": .number(abs(weights[i]) < 1e-10 ? 0 : weights[i]),
        "risk_contribution": .number(riskContributions[i]),
      ]
    }
  }
}
