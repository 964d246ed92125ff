import Testing

@testable import RiskMLCore
@testable import RiskMLModels

/// The figures every portfolio record and summary carries, on a two-asset hand case.
@Suite struct PortfolioResultTests {
  func result(
    weights: [Double], means: [Double], covariance: Matrix, riskFree: Double = 0
  )
    -> PortfolioResult
  {
    PortfolioResult(
      assets: weights.indices.map { "A\($0)" }, weights: weights,
      covariance: Matrix(
        rows: covariance.rows, columns: covariance.columns,
        storage: covariance.storage.map { $0 * 252 }),
      expectedReturns: means.map { $0 * 252 }, riskFree: riskFree, iterations: 0,
      kktResidual: nil, objective: "given")
  }

  @Test func annualisedFiguresAndContributions() {
    let cov = Matrix([[4e-4, 1e-4], [1e-4, 1e-4]])
    let stats = result(
      weights: [0.5, 0.5], means: [0.001, 0.0005], covariance: cov, riskFree: 0.02)
    let variance = 0.25 * 4e-4 + 0.25 * 1e-4 + 2 * 0.25 * 1e-4
    #expect(isClose(stats.volatility, (variance * 252).squareRoot(), relative: 1e-12))
    #expect(isClose(stats.expectedReturn, 0.00075 * 252, relative: 1e-12))
    #expect(
      isClose(stats.sharpeRatio, (0.00075 * 252 - 0.02) / stats.volatility, relative: 1e-12))
    #expect(isClose(stats.riskContributionFractions.reduce(0, +), 1, relative: 1e-12))
    #expect(isClose(stats.riskContributionFractions[0], 0.5 * 2.5e-4 / variance, relative: 1e-12))
    let records = result(weights: [1e-12, 0.5], means: [0, 0], covariance: cov).records()
    #expect(records[0]["weight"] == .double(0))
  }

  @Test func zeroVarianceGivesNaNNotInfinity() {
    let stats = result(weights: [1], means: [0.001], covariance: Matrix([[0]]))
    #expect(stats.sharpeRatio.isNaN)
    #expect(stats.summaryRecord()["sharpe"] == .null)
  }
}
