import Foundation
import RiskMLCore
import RiskMLModels

/// The volatility pipeline for GARCH-family models: one task per asset, fitted in parallel.
struct GARCHJob: SeriesJob {
  struct Task: Sendable {
    let asset: String
    let returns: [Double]
    let firstRow: Int
  }

  enum Outcome: Sendable {
    case fitted(VolatilityFit)
    case notFitted(VolatilityError)
  }

  struct Result: Sendable {
    let task: Task
    let outcome: Outcome
  }

  let input: SeriesInput
  let specification: VolatilitySpecification
  let horizon: Int
  let periodsPerYear: Double
  let writesSeries: Bool

  init(options: OptionValues) throws {
    input = try SeriesInput(options: options, defaultReturnType: .log, defaultPriceScale: 100)
    specification = try Self.specification(options)
    horizon = try options.int("horizon", in: 0...10_000) ?? 10
    periodsPerYear =
      try options.double("annualize", expected: "a positive number") { $0 > 0 }
      ?? 252
    writesSeries = try options.flag("series")
  }

  static func specification(_ options: OptionValues) throws -> VolatilitySpecification {
    let process: VolatilityProcess
    switch try options.string("model") ?? "garch" {
    case "ewma":
      let lambda =
        try options.double("lambda", expected: "a number in (0, 1)") {
          $0 > 0 && $0 < 1
        } ?? 0.94
      process = .ewma(lambda: lambda)
    case "gjr": process = .gjr
    case "egarch": process = .egarch
    default:
      let p = try options.int("p", in: 1...10) ?? 1
      let q = try options.int("q", in: 1...10) ?? 1
      process = .garch(p: p, q: q)
    }
    return VolatilitySpecification(
      process: process,
      distribution: try options.choice("dist", as: InnovationDistribution.self) ?? .normal,
      mean: try options.choice("mean", as: MeanSpecification.self) ?? .constant,
      initialisation: try options.choice("init", as: VarianceInitialisation.self) ?? .backcast)
  }

  var modelName: String {
    switch specification.process {
    case .ewma: return "ewma"
    case .garch(let p, let q): return p == 1 && q == 1 ? "garch" : "garch(\(p),\(q))"
    case .gjr: return "gjr"
    case .egarch: return "egarch"
    }
  }

  var settingsRecord: Record {
    var record: Record = [
      "model": .string(modelName), "dist": .string(specification.distribution.rawValue),
      "mean": .string(specification.mean.rawValue),
      "init": .string(specification.initialisation.rawValue),
      "return_type": .string(input.isReturns ? "given" : input.returnType.rawValue),
      "scale": .double(input.scale), "horizon": .int(horizon),
    ]
    if case .ewma(let lambda) = specification.process { record["lambda"] = .double(lambda) }
    return record
  }

  func preprocess(_ reader: TableReader, context: RunContext) throws -> SeriesTable {
    try input.readReturns(from: reader, context: context)
  }

  func batch(_ table: SeriesTable, context: RunContext) throws -> [Task] {
    table.columns.indices.map { k in
      let asset = table.columns[k]
      // An asset without a single return still gets its record: "0 observations".
      let (returns, firstRow) = table.observedRange(ofColumn: k) ?? ([], 0)
      if let factor = ReturnScale.recommendedFactor(returns) {
        let variance = ReturnScale.moments(returns).variance
        context.diagnostics.warning(
          "\(asset): returns have variance \(Value.formatNumber(variance)); the optimiser works "
            + "best near 1 to 1000: consider --scale \(Value.formatNumber(input.scale * factor))")
      }
      return Task(asset: asset, returns: returns, firstRow: firstRow)
    }
  }

  func infer(_ task: Task) throws -> Result {
    do {
      let fit = try VolatilityEstimator(specification).fit(task.returns)
      return Result(task: task, outcome: .fitted(fit))
    } catch {
      if case .invalidSpecification = error { throw error }
      return Result(task: task, outcome: .notFitted(error))
    }
  }

  func postprocess(
    _ results: [Result], prepared table: SeriesTable, writer: RecordWriter, context: RunContext
  ) throws {
    var notConverged: [String] = []
    for (task, outcome) in results.map({ ($0.task, $0.outcome) }) {
      if writesSeries {
        try writeSeries(task, outcome, table: table, writer: writer)
        continue
      }
      var record: Record = [
        "asset": .string(task.asset), "model": .string(modelName),
        "dist": .string(specification.distribution.rawValue), "n_obs": .int(task.returns.count),
      ]
      switch outcome {
      case .fitted(let fit):
        for field in fit.record().fields { record[field.key] = field.value }
        if !fit.isConverged { notConverged.append(task.asset) }
        let lastRow = task.firstRow + task.returns.count - 1
        record["last_date"] = .string(table.label(ofRow: lastRow))
        record["last_vol"] = .number(fit.conditionalVolatility.last)
        record["forecast"] = .array(forecastRecords(fit))
      case .notFitted(let error):
        for field in error.record.fields { record[field.key] = field.value }
        notConverged.append(task.asset)
      }
      try writer.write(record)
    }
    if !notConverged.isEmpty {
      context.diagnostics.warning("not converged: \(notConverged.joined(separator: ", "))")
    }
  }

  private func forecastRecords(_ fit: VolatilityFit) -> [Value] {
    fit.forecastVariance(horizon: horizon).enumerated().map { step, variance in
      .object([
        "h": .int(step + 1), "variance": .number(variance), "vol": .number(variance.squareRoot()),
        "annualized_vol": .number((variance * periodsPerYear).squareRoot()),
      ])
    }
  }

  private func writeSeries(
    _ task: Task, _ outcome: Outcome, table: SeriesTable, writer: RecordWriter
  ) throws {
    let volatility: [Double]
    if case .fitted(let fit) = outcome {
      volatility = fit.conditionalVolatility
    } else {
      volatility = []
    }
    for (t, value) in task.returns.enumerated() {
      try writer.write([
        "date": .string(table.label(ofRow: task.firstRow + t)), "asset": .string(task.asset),
        "return": .number(value), "cond_vol": .number(t < volatility.count ? volatility[t] : nil),
      ])
    }
  }
}
