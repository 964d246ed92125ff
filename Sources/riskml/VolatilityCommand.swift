import Foundation
import RiskMLCore
import RiskMLModels

/// `riskml volatility`: GARCH-family fits and forecasts, or range estimators, per asset.
enum VolatilityCommand: Subcommand {
  /// Likelihoods are scalar loops: no BLAS, so no re-execution for the kernel.
  static let isBLASBound = false

  static let garchModels = ["ewma", "garch", "gjr", "egarch"]

  static let spec = CommandSpec(
    name: "volatility",
    abstract: "Fit GARCH-family volatility models per asset and forecast variance.",
    discussion: """
      Reads a wide table (a date column and one column per asset), turns prices into \
      returns (log returns x 100 by default), fits the model to each asset in parallel by \
      maximum likelihood and writes one record per asset with parameters, standard errors, \
      fit statistics and a variance forecast. Range estimators (close, close-zero-mean, \
      parkinson, garman-klass, rogers-satchell, gk-yang-zhang, yang-zhang; TTR's \
      definitions) read Open/High/Low/Close columns and write one annualised volatility \
      per date once --window bars are in.
      """,
    usage: [
      "riskml volatility [--model M] [--dist D] [options] [FILE|-]...",
      "riskml volatility --model parkinson --window 20 OHLC_FILE",
    ],
    arguments: [("FILE", "CSV or JSONL input; '-' or nothing reads stdin.")],
    options: [
      OptionSpec(
        "model", short: "m", value: "MODEL",
        choices: garchModels + RangeVolatilityJob.modelNames, default: "garch",
        help: "Volatility model."),
      OptionSpec("p", value: "N", default: "1", help: "GARCH lags of squared residuals (alpha)."),
      OptionSpec("q", value: "N", default: "1", help: "GARCH lags of the variance (beta)."),
      OptionSpec(
        "dist", value: "DIST", choices: ["normal", "t", "skewt"], default: "normal",
        help: "Innovation distribution (skewt is Hansen's skewed t)."),
      OptionSpec(
        "mean", value: "MEAN", choices: ["constant", "zero"], default: "constant",
        help: "Conditional mean."),
      OptionSpec(
        "init", value: "INIT", choices: ["backcast", "unconditional"],
        default: "backcast", help: "How the variance recursion starts."),
      OptionSpec("lambda", value: "L", default: "0.94", help: "EWMA decay, in (0, 1)."),
      OptionSpec(
        "scale", value: "X",
        help: "Multiply returns by X (default 100 for computed returns, 1 with --returns)."),
      OptionSpec("horizon", value: "H", default: "10", help: "Forecast steps."),
      OptionSpec(
        "annualize", value: "N", default: "252",
        help: "Periods per year for annualised volatility."),
      OptionSpec("series", help: "Write date, asset, return, cond_vol per date instead."),
      OptionSpec("window", value: "N", default: "20", help: "Window of the range estimators."),
    ] + SeriesInput.optionSpecs(defaultReturnType: .log),
    examples: [
      (
        "riskml volatility examples/prices.csv",
        "GARCH(1,1) with normal innovations on every asset; forecasts 10 days ahead."
      ),
      (
        "riskml volatility --model gjr --dist skewt --columns AAPL,MSFT examples/prices.csv",
        "GJR-GARCH with Hansen's skewed t for two assets."
      ),
      (
        "riskml volatility --series --model ewma examples/prices.csv -o vol.csv",
        "RiskMetrics conditional volatility per date, as CSV."
      ),
      (
        "riskml volatility --model yang-zhang --window 20 examples/sp500_ohlc.csv",
        "Yang-Zhang range volatility over 20-day windows, annualised."
      ),
    ])

  static func run(_ session: CommandSession) throws -> ExitCode {
    let options = session.options
    let reader = try session.openInput()
    let writer = try session.makeWriter(bufferedCSV: true)
    let context = try session.context()

    let model = try options.string("model") ?? "garch"
    if let estimator = RangeVolatilityEstimator(rawValue: model) {
      let job = try RangeVolatilityJob(estimator: estimator, options: options)
      context.report.settings = job.settingsRecord
      try Pipeline.run(job, reader: reader, writer: writer, context: context)
    } else {
      let job = try GARCHJob(options: options)
      context.report.settings = job.settingsRecord
      try Pipeline.run(job, reader: reader, writer: writer, context: context)
    }
    try writer.finish()
    return try session.finish()
  }
}
