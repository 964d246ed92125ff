import Foundation
import RiskMLCore

/// The outcome of one scenario: a `scenario`, `pnl`, `max_drawdown` record.
public struct ScenarioResult: Sendable, Equatable {
  public let name: String
  /// The portfolio return over the scenario (0.1 = +10 %).
  public let pnl: Double
  /// The maximum drawdown within it, a positive fraction; max(0, -pnl) for a shock.
  public let maxDrawdown: Double
  /// First and last dates replayed (historical scenarios only).
  public let start: String?
  public let end: String?
  /// Periods replayed (0 for a shock).
  public let observations: Int

  /// `scenario`, `pnl`, `max_drawdown`, then `start`, `end`, `n_obs` when replayed.
  public func record() -> Record {
    var record: Record = [
      "scenario": .string(name), "pnl": .number(pnl), "max_drawdown": .number(maxDrawdown),
    ]
    if let start, let end {
      record["start"] = .string(start)
      record["end"] = .string(end)
      record["n_obs"] = .int(observations)
    }
    return record
  }
}

/// Historical replays and instantaneous shocks of a weight vector.
public enum ScenarioAnalysis {
  /// A window "START:END" (ISO dates, inclusive), e.g. "2008-09-12:2009-03-09".
  public static func parseWindow(_ text: String) throws -> (start: String, end: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] <= parts[1] else {
      throw RiskError.invalidParameter(
        name: "scenario", value: text, expected: "START:END with ISO dates, START <= END")
    }
    return (parts[0], parts[1])
  }

  /// Shocks "NAME=VALUE,NAME=VALUE", e.g. "AAPL=-0.2,MSFT=-0.1".
  public static func parseShocks(_ text: String) throws -> [(name: String, shock: Double)] {
    try text.split(separator: ",").map { item in
      let parts = item.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let value = Double(parts[1]) else {
        throw RiskError.invalidParameter(
          name: "shock", value: String(item), expected: "NAME=RETURN, e.g. AAPL=-0.2")
      }
      return (parts[0], value)
    }
  }

  /// Replays the dates in [start, end] with constant weights (rebalanced each period):
  /// r_t = w . R_t, pnl = prod (1 + r_t) - 1, drawdown from `Drawdown.maximum`. A missing
  /// asset return counts as 0 on its date. Dates compare as ISO strings.
  /// - Throws: `RiskError.emptyScenarioWindow` when no date falls in the window.
  public static func historical(
    name: String, returns: Matrix, dates: [String], weights: [Double],
    start: String, end: String
  ) throws -> ScenarioResult {
    guard weights.count == returns.columns else {
      throw RiskError.weightCountMismatch(weights: weights.count, assets: returns.columns)
    }
    let rows = dates.indices.filter { dates[$0] >= start && dates[$0] <= end }
    guard let first = rows.first, let last = rows.last else {
      throw RiskError.emptyScenarioWindow(
        name: name, start: start, end: end, first: dates.first ?? "-", last: dates.last ?? "-")
    }
    let path = rows.map { t in
      weights.indices.reduce(0) { sum, j in
        let r = returns[t, j]
        return sum + (r.isNaN ? 0 : weights[j] * r)
      }
    }
    return ScenarioResult(
      name: name, pnl: Drawdown.cumulativeReturn(path), maxDrawdown: Drawdown.maximum(path),
      start: dates[first], end: dates[last], observations: rows.count)
  }

  /// An instantaneous shock: pnl = sum over shocked assets w_i s_i plus, for shocked
  /// factors, sum_k beta_k s_k with beta the portfolio's factor betas.
  /// - Throws: `RiskError.unknownShockTarget` for a name that is neither.
  public static func shock(
    name: String, shocks: [(name: String, shock: Double)], assets: [String], weights: [Double],
    factorNames: [String] = [], portfolioBetas: [Double] = []
  ) throws -> ScenarioResult {
    var pnl = 0.0
    for (target, value) in shocks {
      if let i = assets.firstIndex(of: target) {
        pnl += weights[i] * value
      } else if let k = factorNames.firstIndex(of: target), k < portfolioBetas.count {
        pnl += portfolioBetas[k] * value
      } else {
        throw RiskError.unknownShockTarget(name: target, known: assets + factorNames)
      }
    }
    return ScenarioResult(
      name: name, pnl: pnl, maxDrawdown: max(0, -pnl), start: nil, end: nil, observations: 0)
  }
}
