import Foundation
import RiskMLCore

/// Test-only loading of ../shared/data/prices/sp500_20_stocks_1990_2022.csv: simple
/// returns of the rows dated 2018-01-01 or later, and their sample covariance.
enum SP500StockReturns {
  struct Data {
    let assets: [String]
    let returns: Matrix
    let prices: Matrix
  }

  static func load() throws -> Data {
    let text = try String(
      contentsOf: SharedData.url("data/prices/sp500_20_stocks_1990_2022.csv"), encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline)
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    let rows = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      .filter { $0[0] >= "2018-01-01" }
      .map { $0.dropFirst().map { Double($0) ?? .nan } }
    let prices = Matrix(rows)
    var returns = Matrix(rows: prices.rows - 1, columns: prices.columns)
    for t in 1..<prices.rows {
      for j in 0..<prices.columns { returns[t - 1, j] = prices[t, j] / prices[t - 1, j] - 1 }
    }
    return Data(assets: Array(header.dropFirst()), returns: returns, prices: prices)
  }

  /// Sample covariance (n - 1) times `scale`.
  static func covariance(_ r: Matrix, scale: Double = 252) -> Matrix {
    let t = r.rows
    var centred = r
    for j in 0..<r.columns {
      let mean = r.column(j).reduce(0, +) / Double(t)
      for i in 0..<t { centred[i, j] -= mean }
    }
    var c = centred.transposed.multiplied(by: centred)
    for k in c.storage.indices { c.storage[k] *= scale / Double(t - 1) }
    return c
  }
}
