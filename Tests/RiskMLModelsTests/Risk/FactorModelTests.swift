import Foundation
import Testing

@testable import RiskMLCore
@testable import RiskMLModels

@Suite struct FactorModelTests {
  static func factors(_ t: Int) -> Matrix {
    Matrix(
      (0..<t).map { i in
        [sin(Double(i) * 0.7) * 0.01, cos(Double(i) * 1.3) * 0.02]
      })
  }

  @Test func recoversExactLinearBetas() throws {
    let f = Self.factors(40)
    let y = (0..<40).map { 0.001 + 1.5 * f[$0, 0] - 0.5 * f[$0, 1] }
    let returns = Matrix(rows: 40, columns: 1, storage: y)
    let model = try FactorModel(
      returns: returns, assets: ["A"], factors: f, factorNames: ["m", "v"])
    let a = model.assets[0]
    #expect(isClose(a.alpha, 0.001, relative: 1e-9))
    #expect(isClose(a.betas[0], 1.5, relative: 1e-9))
    #expect(isClose(a.betas[1], -0.5, relative: 1e-9))
    #expect(isClose(a.rSquared, 1, relative: 1e-9))
  }

  @Test func decompositionAddsUpAndPortfolioBetaIsLinear() throws {
    let f = Self.factors(60)
    let returns = Matrix(
      (0..<60).map { i -> [Double] in
        let noise = sin(Double(i * i) * 0.37) * 0.004
        return [0.8 * f[i, 0] + noise, 0.2 * f[i, 1] - noise * 0.5 + 0.0005, .nan]
      }.enumerated().map { i, row in [row[0], row[1], i == 3 ? .nan : 0.01 * cos(Double(i))] })
    let w = [0.5, 0.3, 0.2]
    let model = try FactorModel(
      returns: returns, assets: ["A", "B", "C"], factors: f, factorNames: ["m", "v"],
      weights: w)
    let d = try #require(model.decomposition)
    #expect(isClose(d.factorVariance + d.specificVariance, d.totalVariance, relative: 1e-9))
    #expect(d.contributions.count == 2)
    #expect(model.assets[2].observations == 59)
    #expect(model.exposureRecords().last?["asset"] == .string("portfolio"))
    #expect(d.record()["contribution_m"] != nil)
  }

  @Test func tooFewDatesThrow() {
    let f = Self.factors(3)
    #expect(throws: RiskError.self) {
      try FactorModel(
        returns: Matrix(rows: 3, columns: 1, repeating: 0.01), assets: ["A"], factors: f,
        factorNames: ["m", "v"])
    }
  }

  @Test func momentumAndVolatilityFactorsByHand() {
    // Three assets, lookback 3 skip 1: signal on row 3 uses rows 0 and 1.
    let r = Matrix([
      [0.10, 0.00, -0.20], [0.10, 0.00, -0.10], [0.0, 0.0, 0.0], [0.01, 0.02, 0.03],
    ])
    let momentum = PriceFactors.momentum(r, lookback: 3, skip: 1)
    #expect(momentum[0..<3].allSatisfy { $0.isNaN })
    #expect(isClose(momentum[3], 0.01 - 0.03, relative: 1e-12))
    let volatility = PriceFactors.volatility(r, lookback: 3)
    // Row 3: asset 2 is the most volatile, asset 1 (constant) the least.
    #expect(isClose(volatility[3], 0.03 - 0.02, relative: 1e-12))
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func etfExposuresOfTheTwentyStocks() throws {
    let (names, stocks, stockDates) = try PriceFile.returns(
      "data/prices/sp500_20_stocks_1990_2022.csv")
    let (etfs, etfReturns, etfDates) = try PriceFile.returns(
      "data/prices/factor_etfs_2014_2022.csv")
    let index = Dictionary(uniqueKeysWithValues: stockDates.enumerated().map { ($1, $0) })
    let common = etfDates.indices.filter { index[etfDates[$0]] != nil }
    let r = stocks.selectingRows(common.map { index[etfDates[$0]]! })
    let f = etfReturns.selectingRows(common)
    let w = [Double](repeating: 1.0 / 20, count: 20)
    let model = try FactorModel(
      returns: r, assets: names, factors: f, factorNames: etfs, weights: w)
    let portfolio = try #require(model.portfolio)
    #expect(portfolio.rSquared > 0.8 && portfolio.rSquared < 1)
    let d = try #require(model.decomposition)
    #expect(isClose(d.factorVariance + d.specificVariance, d.totalVariance, relative: 1e-9))
  }
}

/// Test-only reader of a wide price file: dates of the returns and simple returns.
enum PriceFile {
  static func returns(
    _ path: String, since start: String = ""
  )
    throws -> (names: [String], returns: Matrix, dates: [String])
  {
    let text = try String(contentsOf: SharedData.url(path), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline)
    let names = lines[0].split(separator: ",").dropFirst().map(String.init)
    let rows = lines.dropFirst()
      .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { String($0[0]) >= start }
    let prices = rows.map { $0.dropFirst().map { Double($0) ?? .nan } }
    var storage = [Double]()
    for t in 1..<prices.count {
      for j in names.indices { storage.append(prices[t][j] / prices[t - 1][j] - 1) }
    }
    let dates = rows.dropFirst().map { String($0[0]) }
    return (names, Matrix(rows: prices.count - 1, columns: names.count, storage: storage), dates)
  }
}
