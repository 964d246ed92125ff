import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

/// Checks against ../shared/reference/portfolio_sp500_20.json and PyPortfolioOptFixture.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct PortfolioReferenceTests {
  let data: TwentyStockReturns.Data
  let covariance: Matrix

  /// Loaded once for the whole suite (Swift Testing makes an instance per test).
  static let shared = Result { try TwentyStockReturns.load() }

  init() throws {
    data = try Self.shared.get()
    covariance = TwentyStockReturns.covariance(data.returns)
  }

  func optimizer(_ mu: [Double]? = nil) -> PortfolioOptimizer {
    PortfolioOptimizer(
      assets: data.assets, covariance: covariance,
      expectedReturns: mu ?? PyPortfolioOptFixture.cagr,
      constraints: PortfolioConstraints(assetCount: data.assets.count),
      scenarios: data.returns, observationCount: data.returns.rows)
  }

  func expectWeights(_ actual: [Double], _ expected: [Double], _ tolerance: Double) {
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) { #expect(abs(a - e) <= tolerance) }
  }

  @Test func minimumVolatilityMatchesPortfolioReference() throws {
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: SharedData.url("reference/portfolio_sp500_20.json")))
    let reference = try #require((json as? [String: Any])?["min_volatility"] as? [String: Any])
    let weights = try #require(reference["weights"] as? [String: Double])
    let volatility = try #require(reference["ann_vol"] as? Double)
    #expect(data.returns.rows == 1256)

    let result = try optimizer().optimize(.minVariance)
    expectWeights(result.weights, data.assets.map { weights[$0]! }, 1e-3)
    #expect(isClose(result.volatility, volatility, relative: 1e-4))
    #expect(try #require(result.kktResidual) < 1e-10)
    #expect(abs(result.riskContributions.reduce(0, +) - result.volatility) < 1e-12)
  }

  @Test func expectedReturnsMatchPyPortfolioOpt() {
    let r = data.returns
    let cases: [(ExpectedReturnsEstimator, [Double])] = [
      (.mean, PyPortfolioOptFixture.mean), (.cagr, PyPortfolioOptFixture.cagr),
      (.ewma(span: 500), PyPortfolioOptFixture.ewma),
    ]
    for (estimator, expected) in cases {
      let actual = estimator.estimate(returns: r, periodsPerYear: 252)
      for (a, e) in zip(actual, expected) { #expect(isClose(a, e, relative: 1e-9)) }
    }
  }

  @Test(arguments: [
    (Linkage.single, PyPortfolioOptFixture.hrpSingle),
    (Linkage.average, PyPortfolioOptFixture.hrpAverage),
    (Linkage.ward, PyPortfolioOptFixture.hrpWard),
  ])
  func hierarchicalRiskParityMatchesPyPortfolioOpt(linkage: Linkage, expected: [Double]) throws {
    let result = try optimizer().optimize(.hierarchicalRiskParity(linkage: linkage))
    expectWeights(result.weights, expected, 1e-10)
  }

  @Test func maxSharpeMatchesPyPortfolioOpt() throws {
    let result = try optimizer().optimize(.maxSharpe(riskFree: 0.02))
    expectWeights(result.weights, PyPortfolioOptFixture.maxSharpeRf002, 1e-3)
    #expect(try #require(result.kktResidual) < 1e-10)
  }

  @Test func cappedMaxSharpeMatchesPyPortfolioOpt() throws {
    var o = optimizer()
    o.constraints = PortfolioConstraints(assetCount: data.assets.count, upper: 0.3)
    let result = try o.optimize(.maxSharpe(riskFree: 0.02))
    expectWeights(result.weights, PyPortfolioOptFixture.maxSharpeRf002Cap03, 1e-3)
  }

  @Test func sectorLimitsMatchPyPortfolioOpt() throws {
    var o = optimizer()
    let index = { (names: [String]) in names.map { data.assets.firstIndex(of: $0)! } }
    o.constraints.groups = [
      GroupLimit(name: "tech", members: index(["AAPL", "AMD", "MSFT"]), minimum: 0.1),
      GroupLimit(
        name: "health", members: index(["JNJ", "LLY", "MRK", "PFE", "UNH"]),
        maximum: 0.25),
    ]
    let result = try o.optimize(.minVariance)
    expectWeights(result.weights, PyPortfolioOptFixture.minVolatilityHealthMax025TechMin01, 1e-3)
    #expect(try #require(result.kktResidual) < 1e-10)
  }

  @Test func targetReturnMatchesPyPortfolioOpt() throws {
    let result = try optimizer().optimize(.targetReturn(0.15))
    expectWeights(result.weights, PyPortfolioOptFixture.efficientReturn015, 1e-3)
    #expect(abs(result.expectedReturn - 0.15) < 1e-10)
  }

  @Test func targetVolatilityMatchesPyPortfolioOpt() throws {
    let result = try optimizer().optimize(.targetVolatility(0.22))
    expectWeights(result.weights, PyPortfolioOptFixture.efficientRisk022, 1e-3)
    #expect(abs(result.volatility - 0.22) < 1e-9)
  }

  @Test func meanVarianceMatchesPyPortfolioOpt() throws {
    let result = try optimizer().optimize(.meanVariance(riskAversion: 2))
    expectWeights(result.weights, PyPortfolioOptFixture.maxQuadraticUtility2, 1e-3)
  }

  @Test func riskParityOnTwentyStocksMeetsBudgets() throws {
    let result = try optimizer().optimize(.riskParity(budgets: nil))
    for fraction in result.riskContributionFractions { #expect(abs(fraction - 0.05) < 1e-8) }
  }

  @Test func minimumCVaROnHistoryIsNoWorseThanMinimumVariance() throws {
    let cvar = try optimizer().optimize(.minCVaR(alpha: 0.95))
    let minVar = try optimizer().optimize(.minVariance)
    func historicalCVaR(_ w: [Double]) -> Double {
      let losses = data.returns.multiplied(by: w).map { -$0 }.sorted(by: >)
      let mass = 0.05 * Double(losses.count)
      let k = Int(mass.rounded(.down))
      return (losses[0..<k].reduce(0, +) + (mass - Double(k)) * losses[k]) / mass
    }
    #expect(abs(cvar.weights.reduce(0, +) - 1) < 1e-9)
    #expect(historicalCVaR(cvar.weights) <= historicalCVaR(minVar.weights) + 1e-6)
  }
}
