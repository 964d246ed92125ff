import Foundation
import RiskMLCore
import RiskMLModels

/// The portfolio pipeline: read the returns (and factor and weight files), estimate,
/// optimise, then build the risk report, factor exposures and scenarios of the weights.
///
/// The whole sample is one task: the optimiser needs every asset at once.
struct PortfolioJob: SeriesJob {
  /// Everything read and resolved before estimating.
  struct Problem: Sendable {
    let assets: [String]
    /// T x N one-period returns, NaN where missing.
    let returns: Matrix
    /// The date (or row number) of each return row.
    let dates: [String]
    /// Whether `dates` are dates rather than row numbers.
    let hasDates: Bool
    let factors: FactorSeries?
    let constraints: PortfolioConstraints
    let objective: PortfolioObjective
    let current: [Double]?
  }

  let settings: PortfolioSettings
  let input: SeriesInput
  let resolver: PortfolioConstraintResolver
  /// Where advice goes as soon as it is known, even when a later step fails.
  let diagnostics: Diagnostics

  init(
    settings: PortfolioSettings, input: SeriesInput, configuration: Configuration,
    diagnostics: Diagnostics
  ) throws {
    self.settings = settings
    self.input = input
    self.diagnostics = diagnostics
    resolver = PortfolioConstraintResolver(
      settings: settings, extras: try PortfolioExtras(configuration: configuration),
      configuration: configuration)
  }

  var settingsRecord: Record {
    var record: Record = [
      "objective": .string(analysisName),
      "expected_returns": .string(expectedReturnsName),
      "cov": .string(settings.covarianceName),
      "periods_per_year": .double(settings.periodsPerYear),
      "missing": .string(settings.missing.rawValue),
      "return_type": .string(input.isReturns ? "given" : input.returnType.rawValue),
      "bounds": .array([.double(settings.lowerBound), .double(settings.upperBound)]),
      "risk_free": .double(settings.riskFree),
      "simulations": .int(settings.simulations),
      "backtest_window": settings.backtestWindow.map(Value.int) ?? .null,
      "seed": .int(Int(truncatingIfNeeded: settings.seed)),
    ]
    if case .ewma(let lambda) = settings.covarianceMethod { record["lambda"] = .double(lambda) }
    if case .ewma(let span) = settings.expectedReturns { record["span"] = .double(span) }
    record["max_turnover"] = settings.maxTurnover.map(Value.double) ?? .null
    record["leverage"] = settings.leverage.map(Value.double) ?? .null
    record["factors"] = .array(settings.priceFactors.map(Value.string))
    record["factor_file"] = settings.factorFile.map(Value.string) ?? .null
    record["fix_psd"] = settings.fixPSD.map { .string($0.rawValue) } ?? .null
    return record
  }

  /// The objective's name, or `equal` / `given` for analysed weights.
  private var analysisName: String {
    switch settings.weights {
    case .optimised: return settings.objectiveName
    case .equal: return "equal"
    case .file: return "given"
    }
  }

  private var expectedReturnsName: String {
    switch settings.expectedReturns {
    case .mean: return "mean"
    case .cagr: return "cagr"
    case .ewma: return "ewma"
    }
  }

  func preprocess(_ reader: TableReader, context: RunContext) throws -> Problem {
    let table = try input.readReturns(from: reader, context: context, allowsGaps: true)
    let assets = table.columns
    let returns = table.matrix
    warnAboutIgnoredSettings(context)

    var factors: FactorSeries?
    if !settings.priceFactors.isEmpty {
      factors = FactorSeries.priceFactors(settings.priceFactors, returns: returns)
    }
    if let path = settings.factorFile {
      let series = try FactorSeries.file(
        path, holdsReturns: settings.factorFileHoldsReturns, returnType: input.returnType,
        dates: table.dates, rejects: context.rejects)
      factors = factors.map { $0.appending(series) } ?? series
    }

    var given: [Double]?
    if case .file(let path) = settings.weights {
      given = try readWeights(path, option: "--weights", assets: assets, context: context)
    }
    let current = try settings.currentPath.map {
      try readWeights($0, option: "--current", assets: assets, context: context)
    }
    return Problem(
      assets: assets, returns: returns,
      dates: (0..<table.rowCount).map { table.label(ofRow: $0) }, hasDates: table.hasDates,
      factors: factors,
      constraints: try resolver.constraints(assets: assets, current: current),
      objective: try settings.objective(assets: assets, givenWeights: given), current: current)
  }

  func batch(_ problem: Problem, context: RunContext) throws -> [Problem] { [problem] }

  func infer(_ problem: Problem) throws -> PortfolioAnalysis {
    let estimator = CorrelationEstimator(
      method: settings.covarianceMethod, missing: settings.missing, fixPSD: settings.fixPSD)
    let estimate = try estimator.estimate(problem.returns, assets: problem.assets)
    if let repair = estimate.repair {
      diagnostics.warning(
        "the covariance was not positive semi-definite; repaired with "
          + "--fix-psd \(repair.rawValue)")
    } else if estimate.wasPositiveSemidefinite == false {
      let smallest = estimate.diagnostics.map { Value.formatNumber($0.smallestEigenvalue) } ?? "?"
      diagnostics.warning(
        "the covariance is not positive semi-definite (smallest eigenvalue "
          + "\(smallest)), as pairwise estimates can be: use --missing listwise or --fix-psd")
    }

    let ppy = settings.periodsPerYear
    let annual = Matrix(
      rows: estimate.matrix.rows, columns: estimate.matrix.columns,
      storage: estimate.matrix.storage.map { $0 * ppy })
    let optimizer = PortfolioOptimizer(
      assets: problem.assets, covariance: annual,
      expectedReturns: settings.expectedReturns.estimate(
        returns: simpleReturns(problem.returns), periodsPerYear: ppy),
      constraints: problem.constraints,
      scenarios: problem.objective == .minCVaR(alpha: settings.alpha)
        ? CorrelationEstimator.completeRows(problem.returns) : nil,
      observationCount: estimate.observations, riskFree: settings.riskFree)
    for warning in optimizer.warnings { diagnostics.warning(warning) }
    let result = try optimizer.optimize(problem.objective)

    let builder = PortfolioReportBuilder(
      settings: settings, problem: problem, diagnostics: diagnostics)
    return try builder.analysis(result: result, estimate: estimate)
  }

  func postprocess(
    _ results: [PortfolioAnalysis], prepared problem: Problem, writer: RecordWriter,
    context: RunContext
  ) throws {
    guard let analysis = results.first else { return }
    for record in analysis.assetRecords() { try writer.write(record) }
    for field in analysis.summaryRecord(current: problem.current).fields {
      context.report.details[field.key] = field.value
    }
    try writeScenarios(analysis.scenarios, context: context)
  }

  /// The returns as simple returns, which the expected-return estimators assume.
  private func simpleReturns(_ returns: Matrix) -> Matrix {
    guard !input.isReturns && input.returnType == .log else { return returns }
    return Matrix(
      rows: returns.rows, columns: returns.columns,
      storage: returns.storage.map { $0.isNaN ? $0 : Foundation.expm1($0) })
  }

  /// `--scenarios FILE`, or a warning when scenarios were asked for but go nowhere.
  private func writeScenarios(_ scenarios: [ScenarioResult], context: RunContext) throws {
    guard let path = settings.scenariosPath else {
      let asked = settings.windows.contains { !$0.isFromConfig } || settings.shockText != nil
      if asked && !settings.writesSummary {
        context.diagnostics.warning(
          "scenario results go to --scenarios FILE or --summary FILE; neither was given")
      }
      return
    }
    let format: OutputFormat = path.lowercased().hasSuffix(".csv") ? .csv : .jsonl
    let writer = RecordWriter(
      sink: try OutputSink.file(path), format: format,
      bufferedCSV: true)
    for scenario in scenarios { try writer.write(scenario.record()) }
    try writer.finish()
  }

  /// Reads a weights file and warns about what it leaves out and a sum other than 1.
  private func readWeights(
    _ path: String, option: String, assets: [String], context: RunContext
  ) throws -> [Double] {
    let (weights, absent) = try WeightsFileReader.read(path, assets: assets)
    if !absent.isEmpty {
      context.diagnostics.warning(
        "\(option) \(path) has no weight for " + absent.joined(separator: ", ") + "; taken as 0")
    }
    let total = weights.reduce(0, +)
    if abs(total - 1) > 1e-6 {
      context.diagnostics.warning(
        "\(option) \(path): the weights sum to \(Value.formatNumber(total)), not 1")
    }
    return weights
  }

  /// Warns about options the chosen analysis does not read, and constraints it ignores.
  private func warnAboutIgnoredSettings(_ context: RunContext) {
    if !settings.ignoredOptions.isEmpty {
      context.diagnostics.warning(
        settings.ignoredOptions.joined(separator: ", ")
          + " \(settings.ignoredOptions.count == 1 ? "has" : "have") no effect with "
          + (settings.weights == .optimised ? "--objective \(analysisName)" : "--weights"))
    }
    if !settings.honoursConstraints && resolver.isRestrictive {
      context.diagnostics.warning(
        "\(settings.weights == .optimised ? "--objective \(analysisName)" : "--weights") "
          + "ignores --bounds, --max-turnover, --leverage and the config file's asset_bounds "
          + "and groups")
    }
  }
}
