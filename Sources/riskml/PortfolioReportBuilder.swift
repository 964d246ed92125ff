import RiskMLCore
import RiskMLModels

/// Builds the risk report, factor exposures and scenarios of optimised (or given) weights.
struct PortfolioReportBuilder {
  let settings: PortfolioSettings
  let problem: PortfolioJob.Problem
  let diagnostics: Diagnostics

  /// The full analysis of `result`'s weights.
  ///
  /// - Throws: `RiskError` for too short a history, a covariance without a Cholesky factor,
  ///   a factor regression that cannot be fitted (when factors were asked for), a
  ///   `--scenario` window outside the data, or a shock naming an unknown asset or factor.
  func analysis(
    result: PortfolioResult, estimate: CorrelationEstimate
  ) throws
    -> PortfolioAnalysis
  {
    let risk = try RiskReport(
      returns: problem.returns, weights: result.weights, covariance: estimate.matrix,
      simulations: settings.simulations, seed: settings.seed,
      backtestWindow: settings.backtestWindow)
    let factors = try factorModel(weights: result.weights)
    let scenarios = try scenarios(weights: result.weights, factors: factors)
    return PortfolioAnalysis(
      result: result, estimate: estimate, covarianceName: settings.covarianceName,
      periodsPerYear: settings.periodsPerYear, risk: risk, factors: factors,
      scenarios: scenarios)
  }

  /// The factor model of the assets and the portfolio; when the factors are only the config
  /// file's default, a model that cannot be fitted is a warning rather than an error.
  private func factorModel(weights: [Double]) throws -> FactorModel? {
    guard let series = problem.factors else { return nil }
    do {
      return try FactorModel(
        returns: problem.returns, assets: problem.assets, factors: series.matrix,
        factorNames: series.names, weights: weights)
    } catch let error as RiskError where settings.priceFactorsAreDefault {
      let names = series.names.joined(separator: ", ")
      diagnostics.warning(
        "factor exposures left out (factors \(names) from "
          + "models.risk.factors in the config file): \(error.description)")
      return nil
    }
  }

  /// Historical replays of the windows, then the shock; a config-file window the data do
  /// not cover is skipped with a warning, a `--scenario` window is an error.
  private func scenarios(weights: [Double], factors: FactorModel?) throws -> [ScenarioResult] {
    var results: [ScenarioResult] = []
    if !problem.hasDates && settings.windows.contains(where: { !$0.isFromConfig }) {
      throw UsageError(
        "--scenario needs dated returns: give the input a date column (or "
          + "name it with --date-column)")
    }
    for window in settings.windows where problem.hasDates {
      do {
        results.append(
          try ScenarioAnalysis.historical(
            name: window.name, returns: problem.returns, dates: problem.dates, weights: weights,
            start: window.start, end: window.end))
      } catch let error as RiskError where window.isFromConfig {
        diagnostics.warning("config scenario skipped: \(error.description)")
      }
    }
    guard let text = settings.shockText else { return results }
    results.append(
      try ScenarioAnalysis.shock(
        name: "shock " + text, shocks: settings.shocks, assets: problem.assets, weights: weights,
        factorNames: factors?.factorNames ?? [], portfolioBetas: factors?.portfolio?.betas ?? []))
    return results
  }
}
