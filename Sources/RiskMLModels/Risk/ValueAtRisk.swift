import RiskMLCore

/// How VaR and ES are estimated (`var` and `es` keys of the risk report).
public enum VaRMethod: String, Sendable, CaseIterable {
  case historical
  case normal
  case cornishFisher = "cornish_fisher"
  case monteCarlo = "monte_carlo"
}

/// One-period value at risk and expected shortfall at one confidence level.
///
/// Both are reported as positive losses: a VaR of 0.02 means a 2 % loss is exceeded with
/// probability 1 - confidence. A gain in the tail gives a negative figure.
public struct RiskFigure: Sendable, Equatable {
  public let method: VaRMethod
  /// The confidence level, e.g. 0.95.
  public let confidence: Double
  /// VaR as a positive loss, -q where q is the (1 - confidence)-quantile of returns.
  public let valueAtRisk: Double
  /// ES as a positive loss, minus the mean return in the tail at or below -VaR.
  public let expectedShortfall: Double

  /// `method`, `confidence`, `var`, `es` (non-finite values become null).
  public func record() -> Record {
    [
      "method": .string(method.rawValue), "confidence": .double(confidence),
      "var": .number(valueAtRisk), "es": .number(expectedShortfall),
    ]
  }
}

/// Value at risk and expected shortfall of a series of portfolio returns r_t = w . R_t.
public enum ValueAtRisk {
  /// Historical VaR and ES.
  ///
  /// q is the empirical (1 - confidence)-quantile with linear interpolation between order
  /// statistics (numpy's default, Hyndman & Fan type 7): h = (n - 1) p, q = x_(floor h) +
  /// (h - floor h)(x_(floor h + 1) - x_(floor h)) on the sorted returns. VaR = -q; ES = minus
  /// the mean of the returns at or below q. NaN returns are dropped. - Complexity: O(n log n).
  public static func historical(_ returns: [Double], confidence: Double) throws -> RiskFigure {
    try checkConfidence(confidence)
    let sorted = returns.filter { !$0.isNaN }.sorted()
    guard sorted.count >= 2 else {
      throw RiskError.tooFewReturns(
        available: sorted.count, needed: 2, statistic: "historical VaR")
    }
    let q = quantile(sorted: sorted, 1 - confidence)
    let tail = sorted.prefix { $0 <= q }
    let es = -tail.reduce(0, +) / Double(tail.count)
    return RiskFigure(
      method: .historical, confidence: confidence, valueAtRisk: -q,
      expectedShortfall: es)
  }

  /// The linear-interpolation (type 7) p-quantile of sorted values.
  public static func quantile(sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lower = Int(h.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
  }

  /// Gaussian VaR and ES with the sample mean and standard deviation (n - 1).
  ///
  /// With z = Phi^-1(1 - confidence): VaR = -(mu + sigma z), ES = -mu + sigma phi(z) /
  /// (1 - confidence).
  public static func normal(_ returns: [Double], confidence: Double) throws -> RiskFigure {
    try checkConfidence(confidence)
    let m = try SampleMoments(returns)
    let p = 1 - confidence
    let z = NormalDistribution.quantile(p)
    return RiskFigure(
      method: .normal, confidence: confidence, valueAtRisk: -(m.mean + m.standardDeviation * z),
      expectedShortfall: -m.mean + m.standardDeviation * NormalDistribution.density(z) / p)
  }

  /// Cornish-Fisher (modified) VaR and ES.
  ///
  /// z_cf = z + (z^2 - 1) S / 6 + (z^3 - 3z) K / 24 - (2z^3 - 5z) S^2 / 36 with z =
  /// Phi^-1(p), p = 1 - confidence, S the skewness and K the excess kurtosis (moment
  /// estimators m3 / m2^1.5 and m4 / m2^2 - 3), mu and sigma (n - 1) as for `normal`;
  /// VaR = -(mu + sigma z_cf) (Zangari 1996, RiskMetrics Monitor Q4; Favre & Galeano 2002,
  /// J. Alternative Investments 5(2)). ES is the tail mean of that Cornish-Fisher quantile
  /// function, ES = -(1/p) int_0^p q(u) du (Acerbi & Tasche 2002), which in closed form,
  /// from the normal partial moments int_-inf^z u^k phi(u) du, is
  /// ES = -mu + sigma phi(z) / p [1 + z S / 6 + (z^2 - 1) K / 24 + (1 - 2z^2) S^2 / 36].
  /// It assumes the expansion is monotone over the tail (moderate S and K).
  public static func cornishFisher(
    _ returns: [Double], confidence: Double
  ) throws
    -> RiskFigure
  {
    // FIXME: no check that the expansion is monotone for the sample's S and K (Maillard's
    // domain of validity); with extreme skewness or kurtosis the figures are unreliable.
    try checkConfidence(confidence)
    let m = try SampleMoments(returns)
    let p = 1 - confidence
    let z = NormalDistribution.quantile(p)
    let (s, k) = (m.skewness, m.excessKurtosis)
    let zcf =
      z + (z * z - 1) * s / 6 + (z * z * z - 3 * z) * k / 24
      - (2 * z * z * z - 5 * z) * s * s / 36
    let bracket = 1 + z * s / 6 + (z * z - 1) * k / 24 + (1 - 2 * z * z) * s * s / 36
    let density = NormalDistribution.density(z)
    return RiskFigure(
      method: .cornishFisher, confidence: confidence,
      valueAtRisk: -(m.mean + m.standardDeviation * zcf),
      expectedShortfall: -m.mean + m.standardDeviation * density / p * bracket)
  }

  /// Simulated portfolio returns w . x_s with x_s = mu + L z_s, L the Cholesky factor of
  /// `covariance` and z_s standard normal vectors from `SeededGenerator(seed:)`.
  ///
  /// w . (mu + L z) is evaluated as w . mu + (L^T w) . z, the same number with N instead of
  /// N^2 operations per draw. - Complexity: O(N^3 + simulations * N).
  /// - Throws: `RiskError.covarianceNotPositiveDefinite`.
  public static func simulatedReturns(
    weights: [Double], means: [Double], covariance: Matrix, simulations: Int, seed: UInt64
  ) throws -> [Double] {
    guard weights.count == covariance.rows, means.count == covariance.rows else {
      throw RiskError.weightCountMismatch(weights: weights.count, assets: covariance.rows)
    }
    guard simulations >= 2 else {
      throw RiskError.invalidParameter(
        name: "simulations", value: String(simulations), expected: "an integer >= 2")
    }
    let factor: Matrix
    do { factor = try covariance.cholesky() } catch {
      throw RiskError.covarianceNotPositiveDefinite
    }
    let loading = factor.transposed.multiplied(by: weights)
    let center = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }
    var generator = SeededGenerator(seed: seed)
    return (0..<simulations).map { _ in
      var value = center
      for a in loading { value += a * generator.nextGaussian() }
      return value
    }
  }

  /// Monte Carlo VaR and ES: the historical estimates on `simulatedReturns`.
  public static func monteCarlo(
    weights: [Double], means: [Double], covariance: Matrix, confidences: [Double],
    simulations: Int = 100_000, seed: UInt64 = 42
  ) throws -> [RiskFigure] {
    let draws = try simulatedReturns(
      weights: weights, means: means, covariance: covariance, simulations: simulations,
      seed: seed)
    return try confidences.map { level in
      let figure = try historical(draws, confidence: level)
      return RiskFigure(
        method: .monteCarlo, confidence: level,
        valueAtRisk: figure.valueAtRisk,
        expectedShortfall: figure.expectedShortfall)
    }
  }

  static func checkConfidence(_ level: Double) throws {
    guard level > 0, level < 1 else { throw RiskError.invalidConfidence(level) }
  }
}

/// Mean, standard deviation (n - 1), skewness and excess kurtosis (moment estimators).
public struct SampleMoments: Sendable {
  public let count: Int
  public let mean: Double
  public let standardDeviation: Double
  /// m3 / m2^1.5 with central moments m_k = (1/n) sum (x - mean)^k.
  public let skewness: Double
  /// m4 / m2^2 - 3.
  public let excessKurtosis: Double

  /// The moments of the non-NaN values. - Throws: `RiskError.tooFewReturns` below 2.
  public init(_ values: [Double]) throws {
    let x = values.filter { !$0.isNaN }
    guard x.count >= 2 else {
      throw RiskError.tooFewReturns(available: x.count, needed: 2, statistic: "moments")
    }
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    var (m2, m3, m4) = (0.0, 0.0, 0.0)
    for v in x {
      let d = v - mean
      m2 += d * d
      m3 += d * d * d
      m4 += d * d * d * d
    }
    count = x.count
    self.mean = mean
    standardDeviation = (m2 / (n - 1)).squareRoot()
    (m2, m3, m4) = (m2 / n, m3 / n, m4 / n)
    skewness = m2 > 0 ? m3 / (m2 * m2.squareRoot()) : 0
    excessKurtosis = m2 > 0 ? m4 / (m2 * m2) - 3 : 0
  }
}
