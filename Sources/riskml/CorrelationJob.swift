import RiskMLCore
import RiskMLModels

/// The correlation pipeline: one task for the whole sample, or one per rolling window.
struct CorrelationJob: SeriesJob {
  /// One matrix to write: its date (rolling) and the estimate.
  struct Output: Sendable {
    let date: String?
    let estimate: CorrelationEstimate
  }

  let input: SeriesInput
  let estimator: CorrelationEstimator
  let window: Int?
  let writesMatrix: Bool
  let clusterLinkage: Linkage?

  init(options: OptionValues) throws {
    input = try SeriesInput(options: options, defaultReturnType: .simple, defaultPriceScale: 1)
    let name = try options.string("method") ?? "pearson"
    let lambda = try options.double("lambda") ?? 0.94
    let span = try options.double("span") ?? 180
    let benchmark = try options.double("benchmark") ?? 0
    guard
      let method = CorrelationMethod(
        name: name, lambda: lambda, span: span,
        benchmark: benchmark)
    else { throw UsageError("unknown --method \(name)") }
    let missing = try options.choice("missing", as: MissingDataPolicy.self) ?? .listwise
    if missing == .pairwise && !method.supportsPairwise {
      throw UsageError(
        "--missing pairwise works with pearson, spearman, kendall and "
          + "covariance, not \(name); use --missing listwise")
    }
    estimator = CorrelationEstimator(
      method: method, missing: missing,
      fixPSD: try options.choice("fix-psd", as: PSDRepairMethod.self))
    window = try options.int("window", in: 2...1_000_000)
    writesMatrix = try options.flag("matrix")
    clusterLinkage =
      try options.string("order") == "cluster"
      ? try options.choice("linkage", as: Linkage.self) ?? .single : nil
  }

  var settingsRecord: Record {
    var record: Record = [
      "method": .string(estimator.method.name), "missing": .string(estimator.missing.rawValue),
      "return_type": .string(input.isReturns ? "given" : input.returnType.rawValue),
    ]
    record["window"] = window.map(Value.int) ?? .null
    record["fix_psd"] = estimator.fixPSD.map { .string($0.rawValue) } ?? .null
    return record
  }

  func preprocess(_ reader: TableReader, context: RunContext) throws -> SeriesTable {
    try input.readReturns(from: reader, context: context, allowsGaps: true)
  }

  func batch(_ table: SeriesTable, context: RunContext) throws -> [SeriesTable] { [table] }

  func infer(_ table: SeriesTable) throws -> [Output] {
    let returns = table.matrix
    guard let window else {
      return [Output(date: nil, estimate: try estimator.estimate(returns, assets: table.columns))]
    }
    let rolling = RollingEstimator(
      method: estimator.method, window: window,
      missing: estimator.missing)
    return try rolling.estimates(returns).map { step in
      let estimate = CorrelationEstimate(
        assets: table.columns, matrix: step.matrix, method: estimator.method,
        missing: estimator.missing, observations: step.observations, shrinkage: step.shrinkage,
        diagnostics: nil, wasPositiveSemidefinite: nil, repair: nil)
      return Output(date: table.label(ofRow: step.endIndex), estimate: estimate)
    }
  }

  func postprocess(
    _ results: [[Output]], prepared table: SeriesTable, writer: RecordWriter, context: RunContext
  ) throws {
    let outputs = results.first ?? []
    if window == nil, let whole = outputs.first {
      describe(whole.estimate, context: context)
    }
    if let window, outputs.isEmpty {
      context.diagnostics.warning(
        "only \(table.rowCount) dates of returns, fewer than --window \(window): no output")
    }
    for output in outputs {
      let estimate = ordered(output.estimate)
      if writesMatrix {
        for var record in estimate.matrixRecords() {
          if let date = output.date { record = prefixed(record, date: date) }
          try writer.write(record)
        }
      } else {
        for record in estimate.pairRecords(date: output.date) { try writer.write(record) }
      }
    }
  }

  /// Puts the summary figures in the report and warns about constant series (null
  /// correlations, which leave no eigenvalues to check) or a matrix that is not PSD.
  private func describe(_ estimate: CorrelationEstimate, context: RunContext) {
    for field in estimate.summaryRecord().fields { context.report.details[field.key] = field.value }
    let constant = estimate.assets.indices.filter { estimate.matrix[$0, $0].isNaN }
    guard constant.isEmpty else {
      let names = constant.map { estimate.assets[$0] }.joined(separator: ", ")
      context.diagnostics.warning("constant series, their correlations are null: \(names)")
      return
    }
    guard estimate.wasPositiveSemidefinite == false else { return }
    let smallest = estimate.diagnostics.map { Value.formatNumber($0.smallestEigenvalue) } ?? "?"
    if let repair = estimate.repair {
      context.diagnostics.warning(
        "the estimate was not positive semi-definite; repaired with --fix-psd \(repair.rawValue)")
    } else {
      context.diagnostics.warning(
        "the matrix is not positive semi-definite (smallest eigenvalue \(smallest)), as "
          + "pairwise estimates can be; use --fix-psd spectral or --fix-psd diag to repair it")
    }
  }

  /// The estimate with assets in cluster order when `--order cluster` asks for it.
  private func ordered(_ estimate: CorrelationEstimate) -> CorrelationEstimate {
    guard let clusterLinkage else { return estimate }
    let correlation =
      estimate.method.isCorrelation
      ? estimate.matrix : estimate.matrix.correlationFromCovariance
    guard correlation.storage.allSatisfy(\.isFinite) else { return estimate }
    let order = AgglomerativeClustering.order(correlation: correlation, linkage: clusterLinkage)
    return CorrelationEstimate(
      assets: order.map { estimate.assets[$0] }, matrix: estimate.matrix.permuted(order),
      method: estimate.method, missing: estimate.missing, observations: estimate.observations,
      shrinkage: estimate.shrinkage, diagnostics: estimate.diagnostics,
      wasPositiveSemidefinite: estimate.wasPositiveSemidefinite, repair: estimate.repair)
  }

  private func prefixed(_ record: Record, date: String) -> Record {
    var result: Record = ["date": .string(date)]
    for field in record.fields { result[field.key] = field.value }
    return result
  }
}
