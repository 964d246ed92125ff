import Testing

@testable import RiskMLModels

@Suite struct VaRBacktestTests {
  /// Published figure: 57 failures in 1,043 days at 95 % gives LR 0.46147, p 0.49694.
  @Test func kupiecPublishedFigure() {
    let test = VaRBacktest.kupiec(failures: 57, observations: 1043, confidence: 0.95)
    #expect(isClose(test.statistic, 0.46147, relative: 0, absolute: 1e-4))
    #expect(isClose(test.pValue, 0.49694, relative: 0, absolute: 1e-4))
  }

  /// Published figure: transition counts 932 / 53 / 53 / 4 give LR 0.25866.
  @Test func christoffersenPublishedFigure() {
    let test = VaRBacktest.christoffersen(n00: 932, n01: 53, n10: 53, n11: 4)
    #expect(isClose(test.statistic, 0.25866, relative: 0, absolute: 1e-4))
  }

  @Test(arguments: [(0, 250), (250, 250), (12, 250)])
  func kupiecEdgeCountsStayFinite(failures: Int, days: Int) {
    let test = VaRBacktest.kupiec(failures: failures, observations: days, confidence: 0.95)
    #expect(test.statistic.isFinite && test.statistic >= 0)
    #expect(test.pValue >= 0 && test.pValue <= 1)
  }

  @Test func transitionsCountPairs() {
    let n = VaRBacktest.transitions([false, true, true, false, false])
    #expect(n.n00 == 1 && n.n01 == 1 && n.n11 == 1 && n.n10 == 1)
  }

  @Test func inSampleAndRollingBacktests() throws {
    let returns = (0..<300).map { Double(($0 * 37) % 101 - 50) / 1000 }
    let inSample = try VaRBacktest.historical(returns, confidence: 0.95)
    #expect(inSample.observations == 300)
    #expect(inSample.failures == 15)
    let rolling = try VaRBacktest.historical(returns, confidence: 0.95, window: 100)
    #expect(rolling.observations == 200)
    #expect(rolling.record()["kupiec_p"] != nil)
  }
}
