import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct RollingDetectorTests {
  @Test func studentTMatchesScipy() {
    // scipy 1.x: t.ppf(0.975, 10), t.ppf(0.999, 3.5), t.cdf(-1.3, 7).
    #expect(isClose(StudentT.quantile(0.975, degrees: 10), 2.228138851986274, relative: 1e-9))
    #expect(isClose(StudentT.quantile(0.999, degrees: 3.5), 8.315567604516115, relative: 1e-9))
    #expect(isClose(StudentT.cdf(-1.3, degrees: 7), 0.11738391769618862, relative: 1e-9))
  }

  @Test func esdCriticalValuesMatchRosner() {
    // lambda_i for n = 21, alpha = 0.05 computed with scipy's t.ppf.
    let esd = GeneralizedESD(size: 21, maxOutliers: 2, alpha: 0.05)
    let expected = [2.733780356956531, 2.708245645805758, 2.6809310967754025]
    for (value, reference) in zip(esd.criticalValues, expected) {
      #expect(isClose(value, reference, relative: 1e-9))
    }
  }

  @Test(arguments: RollingDetector.Method.allCases)
  func scoresUseOnlyThePrecedingWindow(method: RollingDetector.Method) throws {
    let series = AnomalyTestData.synthetic(rows: 120, columns: 2)
    var shocked = series
    shocked[100, 1] = 25
    let detector = RollingDetector(method: method, window: 30)
    let base = try detector.score(series: series)
    let scores = try detector.score(series: shocked)
    #expect(scores[0..<30].allSatisfy { $0 == nil })
    // No look-ahead: rows before the shock are unchanged.
    #expect(Array(scores[..<100]) == Array(base[..<100]))
    let shock = try #require(scores[100])
    #expect(shock.isAnomalous)
    #expect(shock.featureOrder.first == 1)
    // Scoring a prefix gives the same scores: nothing depends on later rows.
    let prefix = Matrix(rows: 101, columns: 2, storage: Array(shocked.storage[..<202]))
    #expect(try detector.score(series: prefix, threads: 1) == Array(scores[...100]))
  }

  @Test func rollingZScoreByHand() throws {
    let series = Matrix([[1], [2], [3], [4], [10]])
    let scores = try RollingDetector(method: .zscore, window: 4).score(series: series)
    // mean 2.5, sample sd sqrt(5/3): (10 - 2.5) / 1.2909944487358056.
    #expect(isClose(scores[4]!.score, 7.5 / (5.0 / 3.0).squareRoot(), relative: 1e-14))
  }
}
