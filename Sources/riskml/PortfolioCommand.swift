import RiskMLCore
import RiskMLModels

/// `riskml portfolio`: optimised or given weights with their risk report, factor exposures
/// and scenarios.
enum PortfolioCommand: Subcommand {
  static let objectives = [
    "min-variance", "max-sharpe", "mean-variance", "target-return", "target-volatility",
    "risk-parity", "hrp", "min-cvar",
  ]

  static let spec = CommandSpec(
    name: "portfolio",
    abstract: "Optimise portfolio weights and report their risk, factors and scenarios.",
    discussion: """
      Reads a wide table of prices (or returns with --returns), computes simple returns by \
      default, estimates annualised expected returns and covariance, and optimises the \
      weights for --objective under the constraints (long-only and fully invested by \
      default; --bounds, --max-turnover, --leverage, and per-asset bounds and group limits \
      from the portfolio section of the config file), or analyses --weights without \
      optimising. Writes one record per asset (asset, weight, risk_contribution, \
      risk_contribution_fraction and, with factors, alpha, beta_<factor> and r_squared); \
      weights below 1e-10 are written as 0. --summary FILE holds the risk report: expected \
      return, volatility, Sharpe, one-period VaR and ES at 0.95 and 0.99 (historical, \
      normal, cornish_fisher, monte_carlo), maximum drawdown, Kupiec and Christoffersen \
      backtests (var_backtest), the factor risk decomposition, scenarios, the optimiser's \
      iterations and KKT residual, and the covariance method and shrinkage. Constraints \
      that cannot hold, unattainable targets and max-sharpe with no return above the \
      risk-free rate stop the run with exit 1 and say what to change; a covariance that \
      is not positive definite exits 65.
      """,
    usage: [
      "riskml portfolio [--objective OBJ] [options] [FILE|-]...",
      "riskml portfolio --weights FILE|equal [options] [FILE|-]...",
    ],
    arguments: [("FILE", "CSV or JSONL input; '-' or nothing reads stdin.")],
    options: objectiveOptions + estimationOptions + constraintOptions + riskOptions
      + inputOptions,
    examples: [
      (
        "riskml portfolio examples/prices.csv",
        "Long-only minimum-variance weights of five stocks, with their risk contributions."
      ),
      (
        "riskml portfolio --objective max-sharpe --expected-returns cagr --risk-free 0.02 "
          + "--cov ledoit-wolf --bounds 0,0.4 examples/prices.csv",
        "Max-Sharpe on Ledoit-Wolf covariance with weights capped at 40 %."
      ),
      (
        "riskml portfolio --objective risk-parity --budgets AAPL=2,JPM=1,KO=1,MSFT=2,XOM=1 "
          + "examples/prices.csv", "Risk budgeting: AAPL and MSFT carry twice the risk."
      ),
      (
        "riskml portfolio --weights equal --summary risk.json examples/prices.csv",
        "Risk report of the equal-weighted portfolio (VaR, ES, drawdown, backtests)."
      ),
      (
        "riskml portfolio --objective hrp --factors momentum,volatility "
          + "--scenario 2020-02-19:2020-03-23 --scenarios sc.jsonl examples/prices.csv",
        "HRP weights with factor exposures, and the COVID crash replayed."
      ),
      (
        "riskml portfolio --max-turnover 0.2 --current held.csv examples/prices.csv",
        "Minimum variance reachable from the held weights with at most 20 % turnover."
      ),
    ])

  static let objectiveOptions: [OptionSpec] = [
    OptionSpec(
      "objective", value: "OBJ", choices: objectives, default: "min-variance",
      help: "What to optimise."),
    OptionSpec(
      "risk-free", value: "RATE", default: "0",
      help: "Annual risk-free rate of max-sharpe and of the reported Sharpe ratio."),
    OptionSpec(
      "risk-aversion", value: "DELTA", default: "1",
      help: "mean-variance: maximise w'mu - DELTA/2 w'Sw."),
    OptionSpec(
      "target-return", value: "R",
      help: "target-return: the smallest annual expected return allowed."),
    OptionSpec(
      "target-volatility", value: "V",
      help: "target-volatility: the largest annual volatility allowed."),
    OptionSpec(
      "budgets", value: "LIST",
      help: "risk-parity: risk budgets as ASSET=B,... (every asset) or B1,B2,... in "
        + "column order; any positive scale (default: equal)."),
    OptionSpec(
      "linkage", value: "LINK", choices: ["single", "average", "ward"],
      default: "single", help: "hrp: linkage of the clustering."),
    OptionSpec(
      "alpha", value: "A", default: "0.95",
      help: "min-cvar: confidence level of the CVaR minimised on the history."),
    OptionSpec(
      "weights", value: "FILE|equal",
      help: "Analyse these weights instead of optimising: 'equal', or a CSV/JSONL "
        + "file with asset and weight columns (absent assets weigh 0)."),
  ]

  static let estimationOptions: [OptionSpec] = [
    OptionSpec(
      "expected-returns", value: "EST", choices: ["mean", "cagr", "ewma"],
      default: "mean",
      help: "Annual expected returns: arithmetic mean x periods, compound annual "
        + "growth, or exponentially weighted mean compounded (PyPortfolioOpt)."),
    OptionSpec("span", value: "N", default: "500", help: "Span of --expected-returns ewma."),
    OptionSpec(
      "cov", value: "METHOD", choices: ["sample", "ledoit-wolf", "oas", "ewma"],
      default: "sample",
      help: "Covariance: sample (n-1), Ledoit-Wolf or OAS shrinkage (scikit-learn), "
        + "or RiskMetrics EWMA."),
    OptionSpec("lambda", value: "L", default: "0.94", help: "Decay of --cov ewma, in (0, 1)."),
    OptionSpec(
      "periods-per-year", value: "N", default: "252",
      help: "Periods per year, to annualise expected returns and covariance."),
    OptionSpec(
      "missing", value: "POLICY", choices: ["listwise", "pairwise"],
      default: "listwise",
      help: "Dates with a missing return: drop them for all assets (listwise) or per "
        + "pair (pairwise, sample covariance only; may not be positive definite)."),
    OptionSpec(
      "fix-psd", value: "HOW", choices: ["spectral", "diag"],
      help: "Repair a covariance that is not positive semi-definite: clip negative "
        + "eigenvalues (spectral) or add to the diagonal (diag)."),
  ]

  static let constraintOptions: [OptionSpec] = [
    OptionSpec(
      "bounds", value: "LO,HI", default: "0,1",
      help: "Bounds of every weight; asset_bounds in the config file override them "
        + "per asset, and groups there cap or floor sums of weights."),
    OptionSpec(
      "max-turnover", value: "T",
      help: "Largest sum of |w - current| allowed; needs --current."),
    OptionSpec(
      "current", value: "FILE",
      help: "Current weights (asset, weight columns), the reference of turnover."),
    OptionSpec(
      "leverage", value: "L",
      help: "Largest gross exposure sum |w| (with negative --bounds LO)."),
  ]

  static let riskOptions: [OptionSpec] = [
    OptionSpec(
      "simulations", value: "N", default: "10000",
      help: "Monte Carlo draws for the monte_carlo VaR and ES."),
    OptionSpec("seed", value: "N", default: "42", help: "Seed of the Monte Carlo draws."),
    OptionSpec(
      "backtest-window", value: "N",
      help: "Backtest a historical VaR from the N dates before each date (default: "
        + "one VaR from the whole history, in sample)."),
    OptionSpec(
      "factors", value: "LIST",
      help: "Factors built from the price history: momentum, volatility, or none "
        + "(default: models.risk.factors of the config file)."),
    OptionSpec(
      "factor-file", value: "FILE",
      help: "Factor prices (e.g. ETF closes) with a date column, turned into "
        + "returns and aligned by date with the assets."),
    OptionSpec("factor-returns", help: "The --factor-file values are already returns."),
    OptionSpec(
      "scenario", value: "START:END,...",
      help: "Historical windows to replay with the weights, besides the scenarios "
        + "of the config file."),
    OptionSpec(
      "shock", value: "NAME=R,...",
      help: "An instantaneous shock to assets and factors, e.g. AAPL=-0.2,"
        + "momentum=-0.1."),
    OptionSpec(
      "scenarios", value: "FILE", configurable: false,
      help: "Write the scenario records (scenario, pnl, max_drawdown) to FILE."),
  ]

  static let inputOptions = SeriesInput.optionSpecs(defaultReturnType: .simple)

  static func run(_ session: CommandSession) throws -> ExitCode {
    let settings = try PortfolioSettings(
      options: session.options, configuration: session.configuration)
    let job = try PortfolioJob(
      settings: settings,
      input: SeriesInput(
        options: session.options, defaultReturnType: .simple, defaultPriceScale: 1),
      configuration: session.configuration, diagnostics: session.diagnostics)
    let reader = try session.openInput()
    let writer = try session.makeWriter(bufferedCSV: true)
    let context = try session.context()
    context.report.settings = job.settingsRecord
    try Pipeline.run(job, reader: reader, writer: writer, context: context)
    try writer.finish()
    return try session.finish()
  }
}
