import Foundation
import Testing

@testable import RiskMLModels

/// The fits of ../shared/reference/small/arch_sp500_pct_returns_fits.txt (arch 8.0 on
/// 100 x simple returns of the S&P 500) that riskml offers, with the reference README's
/// tolerances: loglik within 1e-3 relative or higher, parameters within 2 % or 2e-3, and
/// robust standard errors within 5 %. GED, TARCH/ZARCH, FIGARCH and HARCH are not riskml
/// models and are skipped.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct ArchPercentReturnsFitsTests {
  struct Block {
    var loglik = Double.nan
    var params: [(name: String, value: Double, se: Double)] = []
  }

  static func blocks() throws -> [String: Block] {
    let url = SharedData.url("reference/small/arch_sp500_pct_returns_fits.txt")
    var blocks = [String: Block]()
    var current: String?
    for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
      if line.hasPrefix("== "), let range = line.range(of: " loglik=") {
        let title = String(line[line.index(line.startIndex, offsetBy: 3)..<range.lowerBound])
        let value = line[range.upperBound...].prefix { $0 != " " }
        blocks[title] = Block(loglik: Double(value) ?? .nan)
        current = title
      } else if line.hasPrefix("   "), let title = current {
        let parts = line.split(separator: " ")
        guard parts.count == 3, let v = Double(parts[1]),
          let se = Double(parts[2].dropFirst(3))
        else { continue }
        blocks[title]?.params.append((String(parts[0]), v, se))
      } else {
        current = nil
      }
    }
    return blocks
  }

  /// arch's names -> riskml's.
  static let rename = [
    "alpha[1]": "alpha", "beta[1]": "beta", "gamma[1]": "gamma", "eta": "nu",
  ]

  static let cases: [(String, VolatilitySpecification)] = [
    ("GARCH(1,1) normal", VolatilitySpecification()),
    ("GJR-GARCH(1,1,1) normal", VolatilitySpecification(process: .gjr)),
    (
      "GJR-GARCH(1,1,1) student-t",
      VolatilitySpecification(process: .gjr, distribution: .studentT)
    ),
    ("GARCH(1,1) skewt", VolatilitySpecification(distribution: .skewedT)),
    ("EGARCH(1,1,1) normal", VolatilitySpecification(process: .egarch)),
    ("Zero mean GARCH(1,1)", VolatilitySpecification(mean: .zero)),
  ]

  @Test(arguments: cases)
  func matchesArchFit(title: String, spec: VolatilitySpecification) throws {
    let block = try #require(Self.blocks()[title])
    let fit = try VolatilityEstimator(spec).fit(SP500Returns.simplePercent())
    #expect(fit.isConverged, "\(fit.message)")
    #expect(
      fit.logLikelihood >= block.loglik - 1e-3 * abs(block.loglik),
      "\(title): loglik \(fit.logLikelihood) vs \(block.loglik)")
    #expect(fit.parameterNames.count == block.params.count)
    for (name, value, se) in block.params {
      let ours = Self.rename[name] ?? name
      let index = try #require(fit.parameterNames.firstIndex(of: ours), "\(ours)")
      #expect(
        isClose(fit.parameters[index], value, relative: 0.02, absolute: 2e-3),
        "\(title) \(name): \(fit.parameters[index]) vs \(value)")
      #expect(
        isClose(fit.robustStandardErrors[index], se, relative: 0.05),
        "\(title) se \(name): \(fit.robustStandardErrors[index]) vs \(se)")
    }
  }

  @Test func garchFiveStepForecastAndLastVolatilities() throws {
    let fit = try VolatilityEstimator().fit(SP500Returns.simplePercent())
    let expected = [3.59647036, 3.56850191, 3.5408871, 3.51362146, 3.48670058]
    for (a, e) in zip(fit.forecastVariance(horizon: 5), expected) {
      #expect(isClose(a, e, relative: 0.01), "\(a) vs \(e)")
    }
    let lastVols = Array(fit.conditionalVolatility.suffix(3))
    for (a, e) in zip(lastVols, [2.22416626, 2.11232244, 1.99262124]) {
      #expect(isClose(a, e, relative: 0.01), "\(a) vs \(e)")
    }
  }

  @Test func unscaledReturnsGetArchsRescaleRecommendation() throws {
    let unscaled = try SP500Returns.simplePercent().map { $0 / 100 }
    #expect(ReturnScale.recommendedFactor(unscaled) == 100)
    #expect(try ReturnScale.recommendedFactor(SP500Returns.simplePercent()) == nil)
  }
}
