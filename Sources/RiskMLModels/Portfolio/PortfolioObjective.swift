/// Linkage criteria of agglomerative clustering (as in scipy.cluster.hierarchy.linkage).
public enum Linkage: String, Sendable, CaseIterable {
  /// Distance between clusters = smallest pairwise distance.
  case single
  /// Unweighted average of pairwise distances (UPGMA).
  case average
  /// Ward's minimum-variance criterion (Lance-Williams form on distances).
  case ward
}

/// What `PortfolioOptimizer.optimize` optimises.
public enum PortfolioObjective: Sendable, Equatable {
  /// min w'Sw.
  case minVariance
  /// max (w'mu - rf) / sqrt(w'Sw).
  case maxSharpe(riskFree: Double)
  /// max w'mu - (delta / 2) w'Sw.
  case meanVariance(riskAversion: Double)
  /// min w'Sw subject to w'mu >= target.
  case targetReturn(Double)
  /// max w'mu subject to sqrt(w'Sw) <= target.
  case targetVolatility(Double)
  /// Risk budgets `b` (nil for equal): w_i (Sw)_i / w'Sw = b_i. Ignores constraints
  /// other than long-only and budget.
  case riskParity(budgets: [Double]?)
  /// Hierarchical risk parity (Lopez de Prado 2016). Ignores constraints.
  case hierarchicalRiskParity(linkage: Linkage)
  /// min CVaR_alpha of the loss `-r'w` on historical scenarios (Rockafellar-Uryasev LP).
  case minCVaR(alpha: Double)
  /// Equal weights 1/n, analysed without optimising.
  case equalWeights
  /// Given weights, analysed without optimising.
  case given([Double])

  /// The name written in reports.
  public var name: String {
    switch self {
    case .minVariance: return "min-variance"
    case .maxSharpe: return "max-sharpe"
    case .meanVariance: return "mean-variance"
    case .targetReturn: return "target-return"
    case .targetVolatility: return "target-volatility"
    case .riskParity: return "risk-parity"
    case .hierarchicalRiskParity: return "hrp"
    case .minCVaR: return "min-cvar"
    case .equalWeights: return "equal"
    case .given: return "given"
    }
  }
}
