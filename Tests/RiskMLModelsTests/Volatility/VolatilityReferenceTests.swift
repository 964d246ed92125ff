import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

/// Fits checked against ../shared/reference/volatility_sp500.json (arch 8.0.0): loglik
/// within 1e-3 relative (or higher), parameters within 2 % or 2e-3, forecasts within 1 %,
/// robust standard errors (arch's default) within 5 %.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct VolatilityReferenceTests {
  /// reference name -> riskml name
  static let names = ["alpha[1]": "alpha", "beta[1]": "beta", "gamma[1]": "gamma"]

  @Test(arguments: [("garch11_normal", VolatilityProcess.garch11), ("gjr11_normal", .gjr)])
  func sp500MatchesArchVolatilityReference(key: String, process: VolatilityProcess) throws {
    let returns = try SP500Returns.logPercent()
    // The JSON says "5031 returns"; 5031 prices give 5030 (arch: nobs 5030).
    #expect(returns.count == 5030)
    let reference = try #require(SP500Returns.reference()[key] as? [String: Any])
    let fit = try VolatilityEstimator(VolatilitySpecification(process: process)).fit(returns)
    #expect(fit.isConverged, "\(fit.message)")

    let ll = try #require(reference["loglik"] as? Double)
    #expect(fit.logLikelihood >= ll - 1e-3 * abs(ll), "loglik \(fit.logLikelihood) vs \(ll)")

    let params = try #require(reference["params"] as? [String: Double])
    let stderr = try #require(reference["stderr"] as? [String: Double])
    for (name, expected) in params {
      let value = try #require(fit.parameter(Self.names[name] ?? name))
      #expect(isClose(value, expected, relative: 0.02, absolute: 2e-3), "\(name) \(value)")
      let index = try #require(fit.parameterNames.firstIndex(of: Self.names[name] ?? name))
      let se = try #require(stderr[name])
      let robust = fit.robustStandardErrors[index]
      #expect(isClose(robust, se, relative: 0.05), "stderr \(name) \(robust) vs \(se)")
    }

    let forecast = fit.forecastVariance(horizon: 10)
    let h1 = try #require(reference["forecast_var_h1"] as? Double)
    let h10 = try #require(reference["forecast_var_h10"] as? Double)
    #expect(isClose(forecast[0], h1, relative: 0.01), "h1 \(forecast[0]) vs \(h1)")
    #expect(isClose(forecast[9], h10, relative: 0.01), "h10 \(forecast[9]) vs \(h10)")
    let lastVol = try #require(reference["last_cond_vol"] as? Double)
    let vol = try #require(fit.conditionalVolatility.last)
    #expect(isClose(vol, lastVol, relative: 0.01), "last vol \(vol) vs \(lastVol)")
  }

  @Test func gjrAlphaEndsExactlyOnItsBound() throws {
    let fit = try VolatilityEstimator(VolatilitySpecification(process: .gjr))
      .fit(SP500Returns.logPercent())
    #expect(fit.parameter("alpha") == 0)
  }
}
