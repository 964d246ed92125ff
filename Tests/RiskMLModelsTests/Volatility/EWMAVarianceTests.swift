import Foundation
import Testing

@testable import RiskMLModels

/// Column A of the 10 x 3 matrix in ../shared/reference/small/covariance_10x3.txt.
let covarianceColumnA = [0.01, -0.005, 0.02, -0.015, 0, 0.012, -0.008, 0.004, 0.007, -0.011]

/// "RiskMetrics EWMA var path (seed s2[0]=r0^2, sigma2_t uses r_{t-1}) col A" and its
/// next-day forecast, in covariance_10x3.txt (lambda 0.94). The forecast is printed in full
/// and checked to 1e-9 relative; the path is printed by numpy to 9 significant digits, so
/// it is checked to 5e-9 relative, the printing's own precision.
@Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
func ewmaMatchesRiskMetricsPathInCovarianceReference() throws {
  let text = try String(
    contentsOf: SharedData.url("reference/small/covariance_10x3.txt"), encoding: .utf8)
  let start = try #require(text.range(of: "col A: ["))
  let end = try #require(text.range(of: "]", range: start.upperBound..<text.endIndex))
  let expected = text[start.upperBound..<end.lowerBound]
    .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Double($0) }
  #expect(expected.count == 10)
  let path = EWMAVariance.path(covarianceColumnA, lambda: 0.94)
  for (a, e) in zip(path, expected) { #expect(isClose(a, e, relative: 5e-9), "\(a) vs \(e)") }
  let next = EWMAVariance.nextVariance(covarianceColumnA, path: path, lambda: 0.94)
  #expect(isClose(next, 0.00010389750750995267, relative: 1e-9))
}

@Test func ewmaEstimatorForecastsTheNextDayVarianceFlat() throws {
  let returns = (0..<40).map { sin(Double($0)) }
  let spec = VolatilitySpecification(process: .riskMetrics, mean: .zero)
  let fit = try VolatilityEstimator(spec).fit(returns)
  #expect(fit.isConverged)
  #expect(fit.parameterNames == ["lambda"])
  let forecast = fit.forecastVariance(horizon: 3)
  let last = try #require(fit.conditionalVariance.last)
  let expected = 0.94 * last + 0.06 * returns[39] * returns[39]
  #expect(forecast.allSatisfy { isClose($0, expected, relative: 1e-12) })
}
