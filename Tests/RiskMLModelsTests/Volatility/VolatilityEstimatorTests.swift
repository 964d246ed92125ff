import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

/// A GARCH(1,1) path with normal innovations from a fixed linear congruential generator
/// and Box-Muller, so the test needs no data files.
func simulatedGARCH(
  count: Int, omega: Double = 0.05, alpha: Double = 0.08, beta: Double = 0.9,
  seed: UInt64 = 42
) -> [Double] {
  var state = seed
  func uniform() -> Double {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return (Double(state >> 11) + 0.5) / Double(1 << 53)
  }
  var s2 = omega / (1 - alpha - beta)
  var returns: [Double] = []
  for _ in 0..<count {
    let z = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    let r = s2.squareRoot() * z
    returns.append(r)
    s2 = omega + alpha * r * r + beta * s2
  }
  return returns
}

@Suite struct VolatilityEstimatorTests {
  @Test func recoversSimulatedGARCHParameters() throws {
    let returns = simulatedGARCH(count: 4000)
    let fit = try VolatilityEstimator(VolatilitySpecification(mean: .zero)).fit(returns)
    #expect(fit.isConverged, "\(fit.message)")
    #expect(fit.parameterNames == ["omega", "alpha", "beta"])
    let alpha = try #require(fit.parameter("alpha"))
    let beta = try #require(fit.parameter("beta"))
    #expect(abs(alpha - 0.08) < 0.03 && abs(beta - 0.9) < 0.04, "\(fit.parameters)")
    #expect(alpha + beta < 1)
  }

  @Test func analyticAndDifferenceGradientsAgree() throws {
    let returns = simulatedGARCH(count: 500)
    for initialisation in VarianceInitialisation.allCases {
      let spec = VolatilitySpecification(process: .gjr, initialisation: initialisation)
      let likelihood = VolatilityLikelihood(returns: returns, specification: spec)
      let theta = [0.01, 0.05, 0.03, 0.1, 0.85]
      let (value, gradient) = likelihood.valueAndGradient(theta)
      let f = { (x: [Double]) in likelihood.logLikelihood(x) }
      #expect(isClose(value, f(theta), relative: 1e-12))
      let numeric = NumericalDerivatives.gradient(of: f, at: theta, value: f(theta))
      for (a, b) in zip(gradient, numeric) {
        #expect(isClose(a, b, relative: 1e-5, absolute: 1e-5))
      }
    }
  }

  @Test func unconditionalInitialisationLandsNearTheBackcastOptimum() throws {
    let returns = simulatedGARCH(count: 3000)
    let backcast = try VolatilityEstimator().fit(returns)
    let spec = VolatilitySpecification(initialisation: .unconditional)
    let unconditional = try VolatilityEstimator(spec).fit(returns)
    #expect(unconditional.isConverged, "\(unconditional.message)")
    #expect(abs(unconditional.logLikelihood - backcast.logLikelihood) < 1)
    let likelihood = VolatilityLikelihood(returns: returns, specification: spec)
    let b = likelihood.presample(mu: 0.3)
    let expected = returns.reduce(0) { $0 + ($1 - 0.3) * ($1 - 0.3) } / 3000
    #expect(isClose(b, expected, relative: 1e-12))
  }

  @Test func garchPQNamesLagsAndFits() throws {
    let spec = VolatilitySpecification(process: .garch(p: 2, q: 1))
    #expect(spec.parameterNames == ["mu", "omega", "alpha[1]", "alpha[2]", "beta"])
    let fit = try VolatilityEstimator(spec).fit(simulatedGARCH(count: 2000))
    #expect(fit.isConverged, "\(fit.message)")
    #expect(fit.forecastVariance(horizon: 5).count == 5)
  }

  @Test func distributionParameterNames() {
    let t = VolatilitySpecification(distribution: .studentT)
    #expect(t.parameterNames == ["mu", "omega", "alpha", "beta", "nu"])
    let skew = VolatilitySpecification(process: .egarch, distribution: .skewedT, mean: .zero)
    #expect(skew.parameterNames == ["omega", "alpha", "gamma", "beta", "nu", "lambda"])
  }

  @Test func constantSeriesIsRefused() {
    #expect(throws: VolatilityError.constantSeries) {
      try VolatilityEstimator().fit([Double](repeating: 0.5, count: 100))
    }
  }

  @Test func tooFewObservationsIsRefused() {
    #expect(throws: VolatilityError.tooFewObservations(count: 17, required: 18)) {
      try VolatilityEstimator().fit(Array(simulatedGARCH(count: 17)))
    }
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteReturnIsRefused(bad: Double) {
    var returns = simulatedGARCH(count: 100)
    returns[7] = bad
    #expect(throws: VolatilityError.nonFiniteReturn(index: 7)) {
      try VolatilityEstimator().fit(returns)
    }
  }

  @Test func errorRecordSaysNotConverged() {
    let record = VolatilityError.constantSeries.record
    #expect(record["converged"] == .bool(false))
    #expect(record["message"] == .string(VolatilityError.constantSeries.description))
    #expect(VolatilityError.constantSeries.exitCode == .failure)
  }

  @Test func invalidEWMALambdaIsAUsageError() {
    let spec = VolatilitySpecification(process: .ewma(lambda: 1.2))
    #expect(throws: VolatilityError.self) { try VolatilityEstimator(spec).fit([1, 2, 3]) }
  }

  @Test func recordHasTheContractKeysInOrder() throws {
    let fit = try VolatilityEstimator().fit(simulatedGARCH(count: 1000))
    let record = fit.record()
    #expect(
      record.keys == [
        "params", "std_err", "robust_std_err", "loglik", "aic", "bic",
        "converged",
      ])
    guard case .object(let params)? = record["params"] else {
      Issue.record("params is not an object")
      return
    }
    #expect(params.keys == ["mu", "omega", "alpha", "beta"])
    #expect(isClose(fit.aic, -2 * fit.logLikelihood + 8, relative: 1e-12))
    #expect(isClose(fit.bic, -2 * fit.logLikelihood + 4 * log(1000.0), relative: 1e-12))
  }

  @Test func concurrentFitsGiveIdenticalResults() throws {
    let returns = simulatedGARCH(count: 1500)
    let serial = try VolatilityEstimator().fit(returns).parameters
    let results = ResultBox(count: 8)
    DispatchQueue.concurrentPerform(iterations: 8) { i in
      results.set(i, try? VolatilityEstimator().fit(returns).parameters)
    }
    for value in results.values { #expect(value == serial) }
  }
}

/// A lock-protected result array for the concurrency test.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [[Double]?]
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: [Double]?) { lock.withLock { storage[i] = value } }
  var values: [[Double]?] { lock.withLock { storage } }
}

@Test func blockedLogValueMatchesThePerObservationDensity() {
  let returns = simulatedGARCH(count: 1001)
  let spec = VolatilitySpecification(process: .gjr)
  let likelihood = VolatilityLikelihood(returns: returns, specification: spec)
  let theta = [0.02, 0.04, 0.05, 0.08, 0.88]
  var contributions = [Double](repeating: 0, count: returns.count)
  let perObservation = contributions.withUnsafeMutableBufferPointer {
    likelihood.logLikelihood(theta, contributions: $0.baseAddress)
  }
  #expect(isClose(likelihood.logLikelihood(theta), perObservation, relative: 1e-12))
  #expect(isClose(contributions.reduce(0, +), perObservation, relative: 1e-12))
}
