import RiskMLCore
import RiskMLModels

extension PortfolioSettings {
  /// Whether weights are optimised under the constraints (HRP, risk parity and given
  /// weights ignore them).
  var honoursConstraints: Bool {
    weights == .optimised && objectiveName != "hrp" && objectiveName != "risk-parity"
  }

  /// The objective for `assets`, with budgets matched to them and given weights read.
  func objective(assets: [String], givenWeights: [Double]?) throws -> PortfolioObjective {
    switch weights {
    case .equal: return .equalWeights
    case .file: return .given(givenWeights ?? [])
    case .optimised: break
    }
    switch objectiveName {
    case "max-sharpe": return .maxSharpe(riskFree: riskFree)
    case "mean-variance": return .meanVariance(riskAversion: riskAversion)
    case "target-return": return .targetReturn(targetReturn ?? 0)
    case "target-volatility": return .targetVolatility(targetVolatility ?? 0)
    case "risk-parity": return .riskParity(budgets: try budgetVector(assets))
    case "hrp": return .hierarchicalRiskParity(linkage: linkage)
    case "min-cvar": return .minCVaR(alpha: alpha)
    default: return .minVariance
    }
  }

  /// The budgets in column order.
  private func budgetVector(_ assets: [String]) throws -> [Double]? {
    switch budgets {
    case nil: return nil
    case .positional(let values)?:
      guard values.count == assets.count else {
        throw UsageError(
          "--budgets: \(values.count) budgets for \(assets.count) assets ("
            + assets.joined(separator: ", ") + "): give one per asset, or ASSET=BUDGET pairs")
      }
      return values
    case .named(let values, let order)?:
      if let unknown = order.first(where: { !assets.contains($0) }) {
        throw UsageError(
          "--budgets: \(unknown) is not an asset of the input; the assets are "
            + assets.joined(separator: ", "))
      }
      let absent = assets.filter { values[$0] == nil }
      guard absent.isEmpty else {
        throw UsageError(
          "--budgets: no budget for " + absent.joined(separator: ", ")
            + ": give every asset a budget")
      }
      return assets.map { values[$0]! }
    }
  }
}
