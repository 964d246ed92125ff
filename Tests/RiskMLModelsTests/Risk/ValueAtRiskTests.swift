import Testing

@testable import RiskMLCore
@testable import RiskMLModels

@Suite struct ValueAtRiskTests {
  static let returns = [
    0.01, -0.02, 0.015, -0.005, 0.03, -0.04, 0.002, 0.007, -0.011, 0.02, -0.001, 0.004,
  ]

  @Test(arguments: [
    (0.5, 0.0), (0.975, 1.959963984540054), (0.95, 1.6448536269514722),
    (0.99, 2.3263478740408408), (0.01, -2.3263478740408408), (1e-10, -6.361340902404056),
  ])
  func normalQuantile(p: Double, expected: Double) {
    #expect(isClose(NormalDistribution.quantile(p), expected, relative: 1e-13, absolute: 1e-15))
  }

  @Test func chiSquareOneCriticalValues() {
    #expect(isClose(ChiSquareOne.cdf(3.841458820694124), 0.95, relative: 1e-12))
    #expect(isClose(ChiSquareOne.survival(6.6348966010212145), 0.01, relative: 1e-10))
  }

  /// numpy 2.4: quantile(returns, 0.05) = -0.029 and quantile(returns, 0.01) = -0.0378.
  @Test func historicalUsesNumpyLinearQuantile() throws {
    let figure = try ValueAtRisk.historical(Self.returns, confidence: 0.95)
    #expect(isClose(figure.valueAtRisk, 0.029, relative: 1e-12))
    #expect(isClose(figure.expectedShortfall, 0.04, relative: 1e-12))
    let tight = try ValueAtRisk.historical(Self.returns, confidence: 0.99)
    #expect(isClose(tight.valueAtRisk, 0.0378, relative: 1e-12))
  }

  @Test func normalMatchesClosedForm() throws {
    let m = try SampleMoments(Self.returns)
    let figure = try ValueAtRisk.normal(Self.returns, confidence: 0.99)
    let z = 2.3263478740408408
    #expect(isClose(figure.valueAtRisk, -m.mean + m.standardDeviation * z, relative: 1e-12))
    let es = -m.mean + m.standardDeviation * NormalDistribution.density(z) / 0.01
    #expect(isClose(figure.expectedShortfall, es, relative: 1e-12))
    #expect(figure.expectedShortfall > figure.valueAtRisk)
  }

  @Test func cornishFisherReducesToNormalWithoutHigherMoments() throws {
    // Symmetric, so skewness 0; excess kurtosis of four equal-magnitude points is -2.
    let symmetric = [0.01, -0.01, 0.01, -0.01]
    let cf = try ValueAtRisk.cornishFisher(symmetric, confidence: 0.95)
    let m = try SampleMoments(symmetric)
    #expect(abs(m.skewness) < 1e-15)
    #expect(isClose(m.excessKurtosis, -2, relative: 1e-12))
    let z = NormalDistribution.quantile(0.05)
    let zcf = z + (z * z * z - 3 * z) * -2 / 24
    #expect(isClose(cf.valueAtRisk, -m.standardDeviation * zcf, relative: 1e-12))
  }

  /// The closed-form ES equals minus the tail mean of the Cornish-Fisher quantile
  /// function, integrated numerically (midpoint rule in u on (0, p)).
  @Test func cornishFisherESIsTailMeanOfExpansion() throws {
    let figure = try ValueAtRisk.cornishFisher(Self.returns, confidence: 0.95)
    let m = try SampleMoments(Self.returns)
    let (s, k, p) = (m.skewness, m.excessKurtosis, 0.05)
    let steps = 200_000
    var total = 0.0
    for i in 0..<steps {
      let z = NormalDistribution.quantile(p * (Double(i) + 0.5) / Double(steps))
      let h =
        z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24
        - (2 * z * z * z - 5 * z) * s * s / 36
      total += m.mean + m.standardDeviation * h
    }
    #expect(isClose(figure.expectedShortfall, -total / Double(steps), relative: 1e-4))
  }

  @Test func monteCarloIsDeterministicAndNearNormal() throws {
    let cov = Matrix([[4e-4, 1e-4], [1e-4, 2.25e-4]])
    let w = [0.6, 0.4]
    let a = try ValueAtRisk.monteCarlo(
      weights: w, means: [0, 0], covariance: cov, confidences: [0.95, 0.99],
      simulations: 200_000, seed: 7)
    let b = try ValueAtRisk.monteCarlo(
      weights: w, means: [0, 0], covariance: cov, confidences: [0.95, 0.99],
      simulations: 200_000, seed: 7)
    #expect(a == b)
    let sigma = (0.36 * 4e-4 + 0.16 * 2.25e-4 + 2 * 0.24 * 1e-4).squareRoot()
    #expect(isClose(a[0].valueAtRisk, 1.6448536269514722 * sigma, relative: 0.01))
    #expect(isClose(a[1].valueAtRisk, 2.3263478740408408 * sigma, relative: 0.02))
  }

  @Test func monteCarloRejectsIndefiniteCovariance() {
    #expect(throws: RiskError.covarianceNotPositiveDefinite) {
      try ValueAtRisk.monteCarlo(
        weights: [0.5, 0.5], means: [0, 0], covariance: Matrix([[1, 2], [2, 1]]),
        confidences: [0.95])
    }
  }

  @Test(arguments: [
    ([0.1, -0.5, 0.2], 0.5),
    ([-0.1, -0.1], 0.19),
    ([0.1, 0.2], 0.0),
    ([Double](), 0.0),
  ])
  func maximumDrawdown(returns: [Double], expected: Double) {
    #expect(isClose(Drawdown.maximum(returns), expected, relative: 1e-12))
  }

  @Test(arguments: [0.0, 1.0, -0.5, .nan])
  func invalidConfidenceIsRejected(level: Double) {
    #expect(throws: RiskError.self) { try ValueAtRisk.historical(Self.returns, confidence: level) }
  }

  @Test func reportHasEveryMethodAndLevel() throws {
    let r = Matrix([
      [0.01, 0.02], [-0.02, -0.01], [0.015, 0.0], [-0.005, 0.01], [0.03, -0.02],
      [-0.04, -0.03], [0.002, 0.01], [0.007, 0.004], [-0.011, 0.0], [0.02, 0.015],
    ])
    let cov = SampleCovariance.covariance(r)
    let report = try RiskReport(
      returns: r, weights: [0.5, 0.5], covariance: cov, simulations: 10_000)
    #expect(report.figures.count == 8)
    #expect(report.figure(.cornishFisher, confidence: 0.99) != nil)
    let record = report.record()
    #expect(record.keys == ["var", "es", "max_drawdown", "var_backtest"])
  }
}
