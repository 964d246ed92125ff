/// The conditional variance process of a volatility model.
public enum VolatilityProcess: Equatable, Sendable {
  /// RiskMetrics exponentially weighted moving average, `s2_t = l s2_{t-1} + (1-l) e2_{t-1}`
  /// (J.P. Morgan, *RiskMetrics Technical Document*, 1996). Nothing is fitted.
  case ewma(lambda: Double)
  /// GARCH(p, q) (Bollerslev 1986), arch's order convention: `p` lags of squared residuals
  /// (`alpha`), `q` lags of the variance (`beta`):
  /// `s2_t = omega + sum_i alpha_i e2_{t-i} + sum_j beta_j s2_{t-j}`.
  case garch(p: Int, q: Int)
  /// GJR-GARCH(1,1,1) (Glosten, Jagannathan & Runkle 1993):
  /// `s2_t = omega + (alpha + gamma I[e_{t-1} < 0]) e2_{t-1} + beta s2_{t-1}`.
  case gjr
  /// EGARCH(1,1,1) (Nelson 1991) in arch's parameterisation, `z = e / s`:
  /// `ln s2_t = omega + alpha (|z_{t-1}| - sqrt(2/pi)) + gamma z_{t-1} + beta ln s2_{t-1}`.
  case egarch

  /// GARCH(1,1), the default.
  public static let garch11 = VolatilityProcess.garch(p: 1, q: 1)
  /// RiskMetrics EWMA with its daily decay 0.94.
  public static let riskMetrics = VolatilityProcess.ewma(lambda: 0.94)
}

/// The distribution of the standardised innovations `z_t = e_t / s_t`.
public enum InnovationDistribution: String, CaseIterable, Sendable {
  /// Standard normal (Gaussian quasi-likelihood).
  case normal
  /// Student's t standardised to unit variance, parameter `nu > 2`.
  case studentT = "t"
  /// Hansen's (1994) skewed t, parameters `nu > 2` and `lambda` in (-1, 1).
  case skewedT = "skewt"
}

/// The conditional mean of the returns.
public enum MeanSpecification: String, CaseIterable, Sendable {
  /// A constant `mu` is estimated.
  case constant
  /// The mean is zero; residuals are the returns.
  case zero
}

/// How the variance recursion is started before the first observation.
public enum VarianceInitialisation: String, CaseIterable, Sendable {
  /// arch's backcast: `sum_{i<tau} w_i e_i^2` with `w_i` proportional to `0.94^i` and
  /// `tau = min(75, n)`, from the residuals at the starting mean (the sample mean, or zero),
  /// held fixed while fitting (arch `VolatilityProcess.backcast`).
  case backcast
  /// The mean squared residual, recomputed at every trial mean, used for every pre-sample
  /// term; for GARCH(1,1) the first variance is `omega + (alpha + beta) mean(e^2)`.
  case unconditional
}

/// A complete model: variance process, innovations, mean, and initialisation.
public struct VolatilitySpecification: Equatable, Sendable {
  public var process: VolatilityProcess
  public var distribution: InnovationDistribution
  public var mean: MeanSpecification
  public var initialisation: VarianceInitialisation

  public init(
    process: VolatilityProcess = .garch11, distribution: InnovationDistribution = .normal,
    mean: MeanSpecification = .constant, initialisation: VarianceInitialisation = .backcast
  ) {
    self.process = process
    self.distribution = distribution
    self.mean = mean
    self.initialisation = initialisation
  }

  /// The parameter names in order.
  ///
  /// `mu` (constant mean), `omega`, `alpha`, `gamma` (GJR and EGARCH), `beta`, then `nu`
  /// (t and skewed t) and `lambda` (skewed t). GARCH(p, q) with `p > 1` or `q > 1` names
  /// every lag of that kind `alpha[1]`, `alpha[2]`, ... (respectively `beta[i]`).
  /// EWMA has no fitted parameters.
  public var parameterNames: [String] { ParameterLayout(self).names }
}

/// Where each parameter sits in the parameter vector.
struct ParameterLayout: Equatable, Sendable {
  let hasMean: Bool
  let p: Int
  let o: Int
  let q: Int
  let isExponential: Bool
  let distribution: InnovationDistribution

  init(_ spec: VolatilitySpecification) {
    hasMean = spec.mean == .constant
    distribution = spec.distribution
    switch spec.process {
    case .ewma: (p, o, q, isExponential) = (0, 0, 0, false)
    case .garch(let p, let q): (self.p, o, self.q, isExponential) = (p, 0, q, false)
    case .gjr: (p, o, q, isExponential) = (1, 1, 1, false)
    case .egarch: (p, o, q, isExponential) = (1, 1, 1, true)
    }
  }

  var mu: Int? { hasMean ? 0 : nil }
  var omega: Int { hasMean ? 1 : 0 }
  var alpha: Int { omega + 1 }
  var gamma: Int { alpha + p }
  var beta: Int { gamma + o }
  var distributionStart: Int { beta + q }
  var nu: Int? { distribution == .normal ? nil : distributionStart }
  var lambda: Int? { distribution == .skewedT ? distributionStart + 1 : nil }
  var count: Int {
    distributionStart + (distribution == .normal ? 0 : distribution == .studentT ? 1 : 2)
  }

  var names: [String] {
    guard p + q > 0 else { return [] }
    func lagged(_ base: String, _ count: Int) -> [String] {
      count == 1 ? [base] : (1...max(count, 1)).map { "\(base)[\($0)]" }
    }
    var names = hasMean ? ["mu"] : []
    names.append("omega")
    names += lagged("alpha", p)
    if o > 0 { names.append("gamma") }
    names += lagged("beta", q)
    if nu != nil { names.append("nu") }
    if lambda != nil { names.append("lambda") }
    return names
  }
}
