import Foundation
import Testing

@testable import RiskMLModels

/// R TTR 0.24 `volatility()` on the 12 bars of
/// ../shared/reference/small/range_estimators_12bars.txt, window 5, N = 252, 1e-9 relative.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct RangeVolatilityEstimatorTests {
  struct Reference {
    var open: [Double] = [], high: [Double] = [], low: [Double] = [], close: [Double] = []
    var expected: [String: [Double?]] = [:]
  }

  static func reference() throws -> Reference {
    let url = SharedData.url("reference/small/range_estimators_12bars.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    var reference = Reference()
    for line in text.split(separator: "\n") {
      if line.hasPrefix("# 100.0/") {
        for bar in line.dropFirst(2).split(separator: ",") {
          let v = bar.trimmingCharacters(in: .whitespaces).split(separator: "/")
            .compactMap { Double($0) }
          reference.open.append(v[0])
          reference.high.append(v[1])
          reference.low.append(v[2])
          reference.close.append(v[3])
        }
      } else if let colon = line.firstIndex(of: ":"), !line.hasPrefix("#") {
        let name = line.prefix(while: { $0 != " " })
        let key = name == "close" && line.contains("mean0") ? "close mean0" : String(name)
        let values = line[line.index(after: colon)...].split(separator: " ")
          .map { Double($0) }
        reference.expected[key] = values
      }
    }
    return reference
  }

  static let cases: [(String, RangeVolatilityEstimator)] = [
    ("close", .closeToClose), ("close mean0", .closeToCloseZeroMean),
    ("garman.klass", .garmanKlass), ("parkinson", .parkinson),
    ("rogers.satchell", .rogersSatchell), ("gk.yz", .garmanKlassYangZhang),
    ("yang.zhang", .yangZhang),
  ]

  @Test(arguments: cases)
  func matchesTTRTwelveBars(name: String, estimator: RangeVolatilityEstimator) throws {
    let ref = try Self.reference()
    #expect(ref.close.count == 12)
    let expected = try #require(ref.expected[name])
    let actual = estimator.estimate(
      open: ref.open, high: ref.high, low: ref.low, close: ref.close, window: 5)
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) {
      switch (a, e) {
      case (nil, nil): break
      case (let a?, let e?): #expect(isClose(a, e, relative: 1e-9), "\(name) \(a) vs \(e)")
      default: Issue.record("\(name): \(String(describing: a)) vs \(String(describing: e))")
      }
    }
  }
}

@Test func rangeEstimatorWindowLongerThanSeriesGivesOnlyNil() {
  let x = [100.0, 101, 102]
  let out = RangeVolatilityEstimator.parkinson.estimate(
    open: x, high: x.map { $0 + 1 }, low: x.map { $0 - 1 }, close: x, window: 5)
  #expect(out.allSatisfy { $0 == nil })
}
