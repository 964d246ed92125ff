import RiskMLCore
import RiskMLModels

/// What `riskml portfolio` found for one set of weights: the weights and their statistics,
/// the covariance behind them, the risk report, factor exposures and scenarios.
struct PortfolioAnalysis: Sendable {
  let result: PortfolioResult
  /// The one-period covariance estimate (annualised by `periodsPerYear` for the optimiser).
  let estimate: CorrelationEstimate
  let covarianceName: String
  let periodsPerYear: Double
  let risk: RiskReport
  let factors: FactorModel?
  let scenarios: [ScenarioResult]

  /// One record per asset: `asset`, `weight`, `risk_contribution`,
  /// `risk_contribution_fraction`, then `alpha`, `beta_<factor>`..., `r_squared` when
  /// factors are on.
  func assetRecords() -> [Record] {
    let exposures = factors?.exposureRecords() ?? []
    return result.records().enumerated().map { i, base in
      var record = base
      if i < exposures.count {
        for field in exposures[i].fields where field.key != "asset" {
          record[field.key] = field.value
        }
      }
      return record
    }
  }

  /// The figures `--summary` adds to the run report: the portfolio statistics and solver
  /// figures, `covariance`, `var`, `es`, `max_drawdown`, `var_backtest`, `factors` and
  /// `scenarios`; `turnover` against `current` weights when given.
  func summaryRecord(current: [Double]?) -> Record {
    var record = result.summaryRecord()
    record["n_assets"] = .int(result.assets.count)
    record["n_obs"] = .int(estimate.observations)
    record["gross_exposure"] = .number(result.weights.reduce(0) { $0 + abs($1) })
    if let current {
      let turnover = zip(result.weights, current).reduce(0) { $0 + abs($1.0 - $1.1) }
      record["turnover"] = .number(turnover)
    }
    var covariance = estimate.summaryRecord()
    covariance["method"] = .string(covarianceName)
    covariance["periods_per_year"] = .double(periodsPerYear)
    record["covariance"] = .object(covariance)
    for field in risk.record().fields { record[field.key] = field.value }
    record["factors"] = factors.map { .object(factorRecord($0)) } ?? .null
    record["scenarios"] = .array(scenarios.map { .object($0.record()) })
    return record
  }

  /// `names`, the portfolio's `exposure` (alpha, betas, r_squared, n_obs) and the
  /// `decomposition` of its variance into factor and specific parts.
  private func factorRecord(_ model: FactorModel) -> Record {
    var record: Record = ["names": .array(model.factorNames.map(Value.string))]
    if let portfolio = model.portfolio {
      var exposure: Record = ["alpha": .number(portfolio.alpha)]
      for (k, name) in model.factorNames.enumerated() {
        exposure["beta_\(name)"] = .number(portfolio.betas[k])
      }
      exposure["r_squared"] = .number(portfolio.rSquared)
      exposure["n_obs"] = .int(portfolio.observations)
      record["portfolio"] = .object(exposure)
    }
    record["decomposition"] = model.decomposition.map { .object($0.record()) } ?? .null
    return record
  }
}
