import Testing

@testable import RiskMLCore
@testable import RiskMLModels

@Suite struct ScenarioAnalysisTests {
  static let dates = ["2020-01-02", "2020-01-03", "2020-01-06", "2020-01-07"]
  static let returns = Matrix([[0.1, 0.0], [-0.2, -0.2], [0.05, 0.15], [0.0, 0.0]])

  @Test func replayCompoundsAndDrawsDown() throws {
    let result = try ScenarioAnalysis.historical(
      name: "test", returns: Self.returns, dates: Self.dates, weights: [0.5, 0.5],
      start: "2020-01-03", end: "2020-01-06")
    #expect(isClose(result.pnl, 0.8 * 1.1 - 1, relative: 1e-12))
    #expect(isClose(result.maxDrawdown, 0.2, relative: 1e-12))
    #expect(result.observations == 2)
    #expect(result.record().keys == ["scenario", "pnl", "max_drawdown", "start", "end", "n_obs"])
  }

  @Test(arguments: ["2008-09-12:2009-03-09", "2020-02-19:2020-03-23"])
  func parsesWindows(text: String) throws {
    let (start, end) = try ScenarioAnalysis.parseWindow(text)
    #expect(start < end)
  }

  @Test(arguments: ["2009-03-09:2008-09-12", "2008-09-12", ":2009-01-01"])
  func rejectsBadWindows(text: String) {
    #expect(throws: RiskError.self) { try ScenarioAnalysis.parseWindow(text) }
  }

  @Test func emptyWindowSaysWhereTheDataIs() {
    #expect(throws: RiskError.self) {
      try ScenarioAnalysis.historical(
        name: "gfc_2008", returns: Self.returns, dates: Self.dates, weights: [0.5, 0.5],
        start: "2008-09-12", end: "2009-03-09")
    }
  }

  @Test func assetAndFactorShocks() throws {
    let shocks = try ScenarioAnalysis.parseShocks("AAPL=-0.2, MTUM=0.1")
    let result = try ScenarioAnalysis.shock(
      name: "user", shocks: shocks, assets: ["AAPL", "MSFT"], weights: [0.6, 0.4],
      factorNames: ["MTUM"], portfolioBetas: [0.5])
    #expect(isClose(result.pnl, -0.12 + 0.05, relative: 1e-12))
    #expect(isClose(result.maxDrawdown, 0.07, relative: 1e-12))
    #expect(throws: RiskError.self) {
      try ScenarioAnalysis.shock(
        name: "user", shocks: [("XYZ", 0.1)], assets: ["AAPL"], weights: [1])
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func gfc2008OnTheTwentyStocks() throws {
    let (_, r, dates) = try PriceFile.returns("data/prices/sp500_20_stocks_1990_2022.csv")
    let w = [Double](repeating: 0.05, count: 20)
    let result = try ScenarioAnalysis.historical(
      name: "gfc_2008", returns: r, dates: dates, weights: w,
      start: "2008-09-12", end: "2009-03-09")
    #expect(result.pnl < -0.2)
    #expect(result.maxDrawdown >= -result.pnl)
  }
}
