import Foundation

/// Test-only reading of ../shared/data/ohlcv/sp500_1999_2018.csv (the real CSV reader
/// belongs to the IO layer): columns by header name, no quoting in this file.
enum SP500Returns {
  /// The columns of the OHLCV file by header name.
  static func columns() throws -> [String: [Double]] {
    let text = try String(
      contentsOf: SharedData.url("data/ohlcv/sp500_1999_2018.csv"),
      encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline)
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    var columns = [String: [Double]]()
    for line in lines {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      for (name, field) in zip(header, fields) where name != "Date" {
        columns[name, default: []].append(Double(field) ?? .nan)
      }
    }
    return columns
  }

  /// `100 log(p_t / p_{t-1})` of Adj Close: the series of volatility_sp500.json.
  static func logPercent() throws -> [Double] {
    let prices = try columns()["Adj Close"] ?? []
    return (1..<prices.count).map { 100 * log(prices[$0] / prices[$0 - 1]) }
  }

  /// `100 (p_t / p_{t-1} - 1)` of Adj Close: the series of arch_sp500_pct_returns_fits.txt.
  static func simplePercent() throws -> [Double] {
    let prices = try columns()["Adj Close"] ?? []
    return (1..<prices.count).map { 100 * (prices[$0] / prices[$0 - 1] - 1) }
  }

  /// The reference JSON as nested dictionaries.
  static func reference() throws -> [String: Any] {
    let data = try Data(contentsOf: SharedData.url("reference/volatility_sp500.json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }
}
