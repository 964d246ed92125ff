import Foundation
import RiskMLCore

/// A likelihood-ratio test with its chi-square(1) p-value.
public struct LikelihoodRatioTest: Sendable, Equatable {
  /// The LR statistic.
  public let statistic: Double
  /// P(chi-square(1) > statistic).
  public let pValue: Double

  init(statistic: Double) {
    self.statistic = statistic
    pValue = ChiSquareOne.survival(statistic)
  }
}

/// Kupiec and Christoffersen backtests of a VaR series.
public enum VaRBacktest {
  /// Kupiec's (1995) proportion-of-failures test, "Techniques for verifying the accuracy of
  /// risk measurement models", J. Derivatives 3(2).
  ///
  /// With x failures in T days and p = 1 - confidence:
  /// LR = -2 [(T - x) ln(1 - p) + x ln p] + 2 [(T - x) ln(1 - x/T) + x ln(x/T)], 0 ln 0 = 0.
  public static func kupiec(
    failures x: Int, observations t: Int, confidence: Double
  )
    -> LikelihoodRatioTest
  {
    let p = 1 - confidence
    let (fx, ft) = (Double(x), Double(t))
    let null = xlogy(ft - fx, 1 - p) + xlogy(fx, p)
    let observed = xlogy(ft - fx, 1 - fx / ft) + xlogy(fx, fx / ft)
    return LikelihoodRatioTest(statistic: max(0, -2 * (null - observed)))
  }

  /// Christoffersen's (1998) independence test, "Evaluating interval forecasts",
  /// International Economic Review 39(4).
  ///
  /// n_ij counts days in state j after a day in state i (1 = failure). With pi0 = n01 /
  /// (n00 + n01), pi1 = n11 / (n10 + n11) and pi = (n01 + n11) / total:
  /// LR = -2 [(n00 + n10) ln(1 - pi) + (n01 + n11) ln pi
  ///          - n00 ln(1 - pi0) - n01 ln pi0 - n10 ln(1 - pi1) - n11 ln pi1].
  public static func christoffersen(
    n00: Int, n01: Int, n10: Int, n11: Int
  )
    -> LikelihoodRatioTest
  {
    let (a, b, c, d) = (Double(n00), Double(n01), Double(n10), Double(n11))
    let pi = (b + d) / (a + b + c + d)
    let pi0 = a + b > 0 ? b / (a + b) : 0
    let pi1 = c + d > 0 ? d / (c + d) : 0
    let restricted = xlogy(a + c, 1 - pi) + xlogy(b + d, pi)
    let unrestricted = xlogy(a, 1 - pi0) + xlogy(b, pi0) + xlogy(c, 1 - pi1) + xlogy(d, pi1)
    return LikelihoodRatioTest(statistic: max(0, -2 * (restricted - unrestricted)))
  }

  /// The transition counts (n00, n01, n10, n11) of a failure indicator series.
  public static func transitions(_ failures: [Bool]) -> (n00: Int, n01: Int, n10: Int, n11: Int) {
    var counts = (n00: 0, n01: 0, n10: 0, n11: 0)
    for (previous, current) in zip(failures, failures.dropFirst()) {
      switch (previous, current) {
      case (false, false): counts.n00 += 1
      case (false, true): counts.n01 += 1
      case (true, false): counts.n10 += 1
      case (true, true): counts.n11 += 1
      }
    }
    return counts
  }

  /// Both tests on the failures r_t < -VaR_t of a return series.
  ///
  /// `valueAtRisk` holds one positive-loss VaR per date (NaN dates are skipped).
  public static func run(
    returns: [Double], valueAtRisk: [Double], confidence: Double
  )
    -> VaRBacktestResult
  {
    let failures = zip(returns, valueAtRisk)
      .filter { !$0.0.isNaN && !$0.1.isNaN }
      .map { $0.0 < -$0.1 }
    let count = failures.filter { $0 }.count
    let n = transitions(failures)
    return VaRBacktestResult(
      confidence: confidence, observations: failures.count, failures: count,
      kupiec: kupiec(failures: count, observations: failures.count, confidence: confidence),
      christoffersen: christoffersen(n00: n.n00, n01: n.n01, n10: n.n10, n11: n.n11))
  }

  /// Backtest of historical VaR: in-sample (one VaR from the whole history) when `window`
  /// is nil, else out-of-sample with VaR_t from the `window` returns before t.
  public static func historical(
    _ returns: [Double], confidence: Double, window: Int? = nil
  )
    throws -> VaRBacktestResult
  {
    guard let window else {
      let figure = try ValueAtRisk.historical(returns, confidence: confidence)
      let series = [Double](repeating: figure.valueAtRisk, count: returns.count)
      return run(returns: returns, valueAtRisk: series, confidence: confidence)
    }
    guard window >= 2, returns.count > window else {
      throw RiskError.tooFewReturns(
        available: returns.count, needed: window + 1, statistic: "rolling VaR backtest")
    }
    var series = [Double](repeating: .nan, count: returns.count)
    for t in window..<returns.count {
      let past = Array(returns[(t - window)..<t])
      series[t] = (try? ValueAtRisk.historical(past, confidence: confidence))?.valueAtRisk ?? .nan
    }
    return run(returns: returns, valueAtRisk: series, confidence: confidence)
  }

  private static func xlogy(_ x: Double, _ y: Double) -> Double {
    x == 0 ? 0 : x * log(y)
  }
}

/// The `var_backtest` part of the risk report.
public struct VaRBacktestResult: Sendable, Equatable {
  public let confidence: Double
  public let observations: Int
  public let failures: Int
  public let kupiec: LikelihoodRatioTest
  public let christoffersen: LikelihoodRatioTest

  /// `confidence`, `observations`, `failures`, `expected_failures`, `kupiec_lr`,
  /// `kupiec_p`, `christoffersen_lr`, `christoffersen_p`.
  public func record() -> Record {
    [
      "confidence": .double(confidence), "observations": .int(observations),
      "failures": .int(failures),
      "expected_failures": .number(Double(observations) * (1 - confidence)),
      "kupiec_lr": .number(kupiec.statistic), "kupiec_p": .number(kupiec.pValue),
      "christoffersen_lr": .number(christoffersen.statistic),
      "christoffersen_p": .number(christoffersen.pValue),
    ]
  }
}
