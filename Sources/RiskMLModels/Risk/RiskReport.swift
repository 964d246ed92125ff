import RiskMLCore

/// The risk statistics of `riskml portfolio --summary` for given weights.
///
/// Usage:
///
///     let report = try RiskReport(returns: r, weights: w, covariance: cov)
///     report.figures            // var/es for every method and level
///     report.maximumDrawdown    // 0.34 = a 34 % fall
///     report.record()           // for the summary writer
public struct RiskReport: Sendable {
  /// The portfolio returns r_t = w . R_t (NaN where any asset is missing).
  public let portfolioReturns: [Double]
  /// VaR and ES for each method, at each confidence level.
  public let figures: [RiskFigure]
  /// The maximum drawdown of the constant-weight (rebalanced each period) path.
  public let maximumDrawdown: Double
  /// Backtests of the historical VaR at each level.
  public let backtests: [VaRBacktestResult]

  /// Computes every figure.
  ///
  /// - Parameters:
  ///   - returns: T x N one-period returns (NaN for missing).
  ///   - weights: N weights.
  ///   - covariance: the one-period covariance for Monte Carlo (e.g. the estimate used to
  ///     optimise); means are the sample means of the complete rows.
  ///   - confidences: levels, 0.95 and 0.99 by default.
  ///   - backtestWindow: nil for an in-sample backtest, else a rolling window.
  public init(
    returns: Matrix, weights: [Double], covariance: Matrix,
    confidences: [Double] = [0.95, 0.99], simulations: Int = 100_000, seed: UInt64 = 42,
    backtestWindow: Int? = nil
  ) throws {
    guard weights.count == returns.columns else {
      throw RiskError.weightCountMismatch(weights: weights.count, assets: returns.columns)
    }
    let series = Self.portfolioReturns(returns, weights: weights)
    let clean = series.filter { !$0.isNaN }
    var figures = [RiskFigure]()
    for level in confidences {
      figures.append(try ValueAtRisk.historical(clean, confidence: level))
      figures.append(try ValueAtRisk.normal(clean, confidence: level))
      figures.append(try ValueAtRisk.cornishFisher(clean, confidence: level))
    }
    let complete = returns.selectingRows(
      (0..<returns.rows).filter { i in !returns.row(i).contains { $0.isNaN } })
    figures += try ValueAtRisk.monteCarlo(
      weights: weights, means: complete.columnMeans(), covariance: covariance,
      confidences: confidences, simulations: simulations, seed: seed)
    portfolioReturns = series
    self.figures = figures
    maximumDrawdown = Drawdown.maximum(clean)
    backtests = try confidences.map {
      try VaRBacktest.historical(clean, confidence: $0, window: backtestWindow)
    }
  }

  /// r_t = sum_i w_i R_ti; NaN on a date where any asset is missing.
  public static func portfolioReturns(_ returns: Matrix, weights: [Double]) -> [Double] {
    returns.multiplied(by: weights)
  }

  /// The figure for a method and level.
  public func figure(_ method: VaRMethod, confidence: Double) -> RiskFigure? {
    figures.first { $0.method == method && $0.confidence == confidence }
  }

  /// `var` and `es` as nested objects keyed `method` then level (`"0.95"`), plus
  /// `max_drawdown` and `var_backtest` (one record per level).
  public func record() -> Record {
    var varRecord = Record()
    var esRecord = Record()
    for method in VaRMethod.allCases {
      var byLevel = Record()
      var esByLevel = Record()
      for figure in figures where figure.method == method {
        let key = String(figure.confidence)
        byLevel[key] = .number(figure.valueAtRisk)
        esByLevel[key] = .number(figure.expectedShortfall)
      }
      varRecord[method.rawValue] = .object(byLevel)
      esRecord[method.rawValue] = .object(esByLevel)
    }
    return [
      "var": .object(varRecord), "es": .object(esRecord),
      "max_drawdown": .number(maximumDrawdown),
      "var_backtest": .array(backtests.map { .object($0.record()) }),
    ]
  }
}
