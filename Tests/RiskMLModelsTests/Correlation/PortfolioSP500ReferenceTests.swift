import Foundation
import Testing

@testable import RiskMLCore
@testable import RiskMLModels

/// Checks against ../shared/reference/portfolio_sp500_20.json: simple daily returns of the
/// 20 stocks for dates >= 2018-01-01 (the first return is 2018-01-03).
@Suite(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct PortfolioSP500ReferenceTests {
  struct Reference: Decodable {
    struct Shrunk: Decodable {
      let shrinkage: Double
      let cov_00: Double?
      let cov_01: Double
    }
    let n_obs: Int
    let assets: [String]
    let ledoit_wolf: Shrunk
    let oas: Shrunk
    let pearson_AAPL_MSFT: Double
    let spearman_AAPL_MSFT: Double
  }

  /// Test-only reader of the wide price file: simple returns of rows with Date >= start.
  static func returns(since start: String) throws -> (names: [String], returns: Matrix) {
    let url = SharedData.url("data/prices/sp500_20_stocks_1990_2022.csv")
    let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
    let names = lines[0].split(separator: ",").dropFirst().map(String.init)
    let prices = lines.dropFirst()
      .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { String($0[0]) >= start }
      .map { $0.dropFirst().map { Double($0) ?? .nan } }
    var storage = [Double]()
    for t in 1..<prices.count {
      for j in names.indices { storage.append(prices[t][j] / prices[t - 1][j] - 1) }
    }
    return (names, Matrix(rows: prices.count - 1, columns: names.count, storage: storage))
  }

  static func load() throws -> (Reference, [String], Matrix) {
    let data = try Data(contentsOf: SharedData.url("reference/portfolio_sp500_20.json"))
    let reference = try JSONDecoder().decode(Reference.self, from: data)
    let (names, x) = try returns(since: "2018-01-01")
    return (reference, names, x)
  }

  @Test func returnsMatchReferenceWindow() throws {
    let (reference, names, x) = try Self.load()
    #expect(x.rows == reference.n_obs)
    #expect(names == reference.assets)
    #expect(!x.hasNaN)
  }

  @Test func ledoitWolfShrinkageAndCovariance() throws {
    let (reference, names, x) = try Self.load()
    let estimate = try CorrelationEstimator(method: .ledoitWolf).estimate(x, assets: names)
    let shrinkage = try #require(estimate.shrinkage)
    #expect(isClose(shrinkage, reference.ledoit_wolf.shrinkage, relative: 0, absolute: 1e-6))
    #expect(isClose(estimate.matrix[0, 0], reference.ledoit_wolf.cov_00 ?? .nan))
    #expect(isClose(estimate.matrix[0, 1], reference.ledoit_wolf.cov_01))
    #expect(estimate.observations == 1256)
  }

  @Test func oasShrinkageAndCovariance() throws {
    let (reference, names, x) = try Self.load()
    let estimate = try CorrelationEstimator(method: .oas).estimate(x, assets: names)
    let shrinkage = try #require(estimate.shrinkage)
    #expect(isClose(shrinkage, reference.oas.shrinkage, relative: 0, absolute: 1e-6))
    #expect(isClose(estimate.matrix[0, 1], reference.oas.cov_01))
  }

  @Test func pearsonAndSpearmanAAPLMSFT() throws {
    let (reference, names, x) = try Self.load()
    let aapl = try #require(names.firstIndex(of: "AAPL"))
    let msft = try #require(names.firstIndex(of: "MSFT"))
    let pearson = try CorrelationEstimator(method: .pearson).estimate(x, assets: names)
    #expect(isClose(pearson.matrix[aapl, msft], reference.pearson_AAPL_MSFT))
    let spearman = try CorrelationEstimator(method: .spearman).estimate(x, assets: names)
    #expect(isClose(spearman.matrix[aapl, msft], reference.spearman_AAPL_MSFT))
    #expect(pearson.diagnostics?.isPositiveSemidefinite == true)
  }

  /// The rolling-sum fast path stays within 1e-10 of a direct estimate after 1,200 updates.
  @Test func rollingSumsDoNotDrift() throws {
    let (_, names, x) = try Self.load()
    let rolling = try RollingEstimator(method: .pearson, window: 60).estimates(x)
    #expect(rolling.count == x.rows - 59)
    for end in [59, 700, x.rows - 1] {
      let window = x.selectingRows(Array((end - 59)...end))
      let direct = try CorrelationEstimator(method: .pearson, computesDiagnostics: false)
        .estimate(window, assets: names)
      let fast = rolling[end - 59].matrix
      for k in fast.storage.indices {
        #expect(isClose(fast.storage[k], direct.matrix.storage[k], relative: 0, absolute: 1e-10))
      }
    }
  }
}
