import Testing

@testable import RiskMLCore
@testable import RiskMLModels

@Suite struct PortfolioStatisticsTests {
  @Test func annualisedFiguresAndContributions() {
    let cov = Matrix([[4e-4, 1e-4], [1e-4, 1e-4]])
    let stats = PortfolioStatistics(
      weights: [0.5, 0.5], means: [0.001, 0.0005], covariance: cov, riskFree: 0.02)
    let variance = 0.25 * 4e-4 + 0.25 * 1e-4 + 2 * 0.25 * 1e-4
    #expect(isClose(stats.volatility, (variance * 252).squareRoot(), relative: 1e-12))
    #expect(isClose(stats.expectedReturn, 0.00075 * 252, relative: 1e-12))
    #expect(isClose(stats.sharpe, (0.00075 * 252 - 0.02) / stats.volatility, relative: 1e-12))
    #expect(isClose(stats.riskContributions.reduce(0, +), 1, relative: 1e-12))
    #expect(isClose(stats.riskContributions[0], 0.5 * 2.5e-4 / variance, relative: 1e-12))
    let records = stats.assetRecords(assets: ["A", "B"], weights: [1e-12, 0.5])
    #expect(records[0]["weight"] == .double(0))
  }

  @Test func zeroVarianceGivesNaNNotInfinity() {
    let stats = PortfolioStatistics(
      weights: [1], means: [0.001], covariance: Matrix([[0]]))
    #expect(stats.sharpe.isNaN)
    #expect(stats.record()["sharpe"] == .null)
  }
}
