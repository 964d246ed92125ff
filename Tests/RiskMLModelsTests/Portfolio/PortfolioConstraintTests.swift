import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct PortfolioConstraintTests {
  /// A 4-asset covariance: two correlated pairs.
  static let covariance = Matrix([
    [0.04, 0.024, 0.002, 0.008],
    [0.024, 0.09, 0.003, 0.012],
    [0.002, 0.003, 0.01, 0.014],
    [0.008, 0.012, 0.014, 0.16],
  ])
  static let assets = ["A", "B", "C", "D"]
  static let mu = [0.08, 0.12, 0.04, 0.15]

  func optimizer(_ constraints: PortfolioConstraints) -> PortfolioOptimizer {
    PortfolioOptimizer(
      assets: Self.assets, covariance: Self.covariance,
      expectedReturns: Self.mu, constraints: constraints)
  }

  func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch {
      return "\(error)"
    }
  }

  @Test func boundsTooTightForBudget() {
    let text = message {
      _ = try optimizer(PortfolioConstraints(assetCount: 4, upper: 0.2)).optimize(.minVariance)
    }
    #expect(text.contains("allow at most 0.8"))
    #expect(text.contains("raise --bounds HI to at least 0.25"))
  }

  @Test func groupCapAgainstBounds() {
    var constraints = PortfolioConstraints(assetCount: 4, lower: 0.2)
    constraints.groups = [GroupLimit(name: "pair", members: [0, 1], maximum: 0.3)]
    let text = message { _ = try optimizer(constraints).optimize(.minVariance) }
    #expect(text.contains("group pair is capped at 0.3"))
    #expect(text.contains("lower bounds need 0.4"))
  }

  @Test func groupCapsBelowBudget() {
    var constraints = PortfolioConstraints(assetCount: 4)
    constraints.groups = [
      GroupLimit(name: "first", members: [0, 1], maximum: 0.3),
      GroupLimit(name: "second", members: [2, 3], maximum: 0.4),
    ]
    let text = message { _ = try optimizer(constraints).optimize(.minVariance) }
    #expect(text.contains("allow at most 0.7"))
  }

  @Test func overlappingGroupConflictNamesTheConstraints() {
    var constraints = PortfolioConstraints(assetCount: 4)
    constraints.groups = [
      GroupLimit(name: "ab", members: [0, 1], maximum: 0.2),
      GroupLimit(name: "bcd", members: [1, 2, 3], maximum: 0.5),
    ]
    let text = message { _ = try optimizer(constraints).optimize(.minVariance) }
    #expect(text.hasPrefix("the constraints cannot all hold: "))
    #expect(text.contains("group ab max 0.2") && text.contains("group bcd max 0.5"))
    #expect(text.contains("relax one of them"))
  }

  @Test func bindingGroupCapHolds() throws {
    var constraints = PortfolioConstraints(assetCount: 4)
    constraints.groups = [GroupLimit(name: "cd", members: [2, 3], maximum: 0.3)]
    let result = try optimizer(constraints).optimize(.minVariance)
    #expect(abs(result.weights[2] + result.weights[3] - 0.3) < 1e-12)
    #expect(try #require(result.kktResidual) < 1e-10)
  }

  @Test func turnoverCapIsRespectedAndDiagnosed() throws {
    var constraints = PortfolioConstraints(assetCount: 4)
    constraints.current = [0.7, 0.1, 0.1, 0.1]
    constraints.maxTurnover = 0.2
    let result = try optimizer(constraints).optimize(.minVariance)
    let turnover = zip(result.weights, constraints.current!).reduce(0) { $0 + abs($1.0 - $1.1) }
    #expect(turnover <= 0.2 + 1e-9)
    #expect(abs(result.weights.reduce(0, +) - 1) < 1e-12)

    constraints.upper = [0.3, 1, 1, 1]
    let text = message { _ = try optimizer(constraints).optimize(.minVariance) }
    #expect(text.contains("needs turnover of at least 0.8"))
    #expect(text.contains("raise --max-turnover to at least 0.8"))
  }

  @Test func leverageLimitsGrossExposure() throws {
    var constraints = PortfolioConstraints(assetCount: 4, lower: -1, upper: 1)
    constraints.maxLeverage = 1.2
    let result = try optimizer(constraints).optimize(.meanVariance(riskAversion: 1))
    #expect(result.weights.reduce(0) { $0 + abs($1) } <= 1.2 + 1e-9)
    #expect(result.weights.contains { $0 < 0 })
    constraints.maxLeverage = 0.5
    #expect(
      message { _ = try optimizer(constraints).optimize(.minVariance) }
        .contains("raise the leverage limit to at least 1"))
  }

  @Test func longShortMaxSharpeBeatsTheMeanVarianceFrontier() throws {
    var constraints = PortfolioConstraints(assetCount: 4, lower: -0.5, upper: 1)
    constraints.maxLeverage = 1.6
    constraints.groups = [GroupLimit(name: "ab", members: [0, 1], maximum: 0.7)]
    let o = optimizer(constraints)
    let best = try o.optimize(.maxSharpe(riskFree: 0.01))
    #expect(abs(best.weights.reduce(0, +) - 1) < 1e-12)
    #expect(best.weights.reduce(0) { $0 + abs($1) } <= 1.6 + 1e-9)
    #expect(best.weights[0] + best.weights[1] <= 0.7 + 1e-12)
    for delta in [0.5, 1, 2, 5, 10, 20, 50] {
      let point = try o.optimize(.meanVariance(riskAversion: delta))
      let sharpe = (point.expectedReturn - 0.01) / point.volatility
      #expect(sharpe <= best.sharpeRatio + 1e-9)
    }
  }

  @Test func maxSharpeNeedsReturnAboveRiskFree() {
    let error = #expect(throws: PortfolioError.self) {
      _ = try optimizer(PortfolioConstraints(assetCount: 4)).optimize(.maxSharpe(riskFree: 0.2))
    }
    #expect(error == .noReturnAboveRiskFree(riskFree: 0.2, bestAttainable: 0.15))
    #expect(error?.exitCode == .failure)
  }

  @Test func targetsOutsideTheAttainableRange() {
    let o = optimizer(PortfolioConstraints(assetCount: 4))
    #expect(
      message { _ = try o.optimize(.targetReturn(0.2)) }
        .contains("attainable range [0.04, 0.15]"))
    #expect(
      message { _ = try o.optimize(.targetVolatility(0.01)) }
        .contains("outside the attainable range [0.0"))
  }

  @Test func covarianceThatIsNotPositiveDefinite() {
    let bad = Matrix([[1, 2], [2, 1]])
    let o = PortfolioOptimizer(
      assets: ["x", "y"], covariance: bad, expectedReturns: [0, 0],
      constraints: PortfolioConstraints(assetCount: 2))
    let error = #expect(throws: PortfolioError.self) { _ = try o.optimize(.minVariance) }
    #expect(error == .covarianceNotPositiveDefinite(smallestEigenvalue: -1))
    #expect(error?.exitCode == .dataError)
    #expect(message { _ = try o.optimize(.minVariance) }.contains("smallest eigenvalue -1"))
  }

  @Test func fewerObservationsThanAssetsWarns() {
    var o = optimizer(PortfolioConstraints(assetCount: 4))
    o.observationCount = 3
    #expect(o.warnings.first?.contains("ledoit-wolf") == true)
  }

  @Test func smallWeightsBecomeZeroAndRecordsCarryFields() throws {
    let result = try optimizer(PortfolioConstraints(assetCount: 4))
      .optimize(.given([0.5, 0.5, 1e-12, -1e-12]))
    #expect(result.weights == [0.5, 0.5, 0, 0])
    let records = result.records()
    #expect(
      records[0].keys == [
        "asset", "weight", "risk_contribution",
        "risk_contribution_fraction",
      ])
    #expect(records[1]["asset"] == .string("B"))
    #expect(result.summaryRecord()["objective"] == .string("given"))
  }
}
