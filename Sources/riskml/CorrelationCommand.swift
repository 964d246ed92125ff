import RiskMLCore
import RiskMLModels

/// `riskml correlation`: correlation and covariance matrices, whole-sample or rolling.
enum CorrelationCommand: Subcommand {
  static let methods = [
    "pearson", "spearman", "kendall", "covariance", "ledoit-wolf", "oas", "ewma",
    "ledoit-wolf-constant-correlation", "ledoit-wolf-single-factor", "semicovariance", "exp-cov",
  ]

  static let spec = CommandSpec(
    name: "correlation",
    abstract: "Estimate correlation and covariance matrices of asset returns.",
    discussion: """
      Reads a wide table of prices (or returns with --returns), computes simple returns by \
      default, and estimates one matrix for the whole period or one per date with --window. \
      Writes one record per pair (a, b, value; the diagonal included), or the square \
      matrix with --matrix. Shrinkage methods follow scikit-learn (demeaned data, 1/n \
      covariance): ledoit-wolf and oas shrink towards mu*I; the Ledoit-Wolf variants shrink \
      towards constant correlation or a single-factor model. Correlations are clamped to \
      [-1, 1]; a constant series gives null.
      """,
    usage: ["riskml correlation [--method M] [--window N] [options] [FILE|-]..."],
    arguments: [("FILE", "CSV or JSONL input; '-' or nothing reads stdin.")],
    options: [
      OptionSpec(
        "method", short: "m", value: "METHOD", choices: methods, default: "pearson",
        help: "Estimator."),
      OptionSpec("lambda", value: "L", default: "0.94", help: "EWMA decay, in (0, 1)."),
      OptionSpec("span", value: "N", default: "180", help: "Span of exp-cov (PyPortfolioOpt)."),
      OptionSpec(
        "benchmark", value: "R", default: "0",
        help: "Per-period return threshold of semicovariance."),
      OptionSpec(
        "window", short: "w", value: "N",
        help: "Rolling window in dates: one matrix per date from the N-th on."),
      OptionSpec(
        "missing", value: "POLICY", choices: ["listwise", "pairwise"],
        default: "listwise",
        help: "Dates with a missing value: drop them for all assets (listwise) or per "
          + "pair (pairwise; the matrix may then not be positive semi-definite)."),
      OptionSpec(
        "fix-psd", value: "HOW", choices: ["spectral", "diag"],
        help: "Repair a matrix that is not positive semi-definite: clip negative "
          + "eigenvalues (spectral) or add to the diagonal (diag)."),
      OptionSpec(
        "matrix",
        help: "Write the square matrix (one row per asset) instead of pairs; CSV "
          + "unless --to or the -o extension says otherwise."),
      OptionSpec(
        "order", value: "ORDER", choices: ["input", "cluster"], default: "input",
        help: "Asset order: as in the input, or grouped by hierarchical clustering."),
      OptionSpec(
        "linkage", value: "LINK", choices: ["single", "average", "ward"],
        default: "single", help: "Linkage of --order cluster."),
      OptionSpec("scale", value: "X", help: "Multiply returns by X (default 1)."),
    ] + SeriesInput.optionSpecs(defaultReturnType: .simple),
    examples: [
      ("riskml correlation examples/prices.csv", "Pearson correlations of daily simple returns."),
      (
        "riskml correlation --method ledoit-wolf --summary s.json examples/prices.csv",
        "Ledoit-Wolf covariance; the summary holds the shrinkage and condition number."
      ),
      (
        "riskml correlation --matrix --order cluster -o corr.csv examples/prices.csv",
        "The correlation matrix as CSV, assets grouped by clustering."
      ),
      (
        "riskml correlation --window 60 --columns AAPL,MSFT examples/prices.csv",
        "60-day rolling correlation of two assets, one record per date."
      ),
    ])

  static func run(_ session: CommandSession) throws -> ExitCode {
    let options = session.options
    let job = try CorrelationJob(options: options)
    let reader = try session.openInput()
    let writer = try session.makeWriter(
      bufferedCSV: true, defaultFormat: job.writesMatrix ? .csv : .jsonl)
    let context = try session.context()
    context.report.settings = job.settingsRecord
    try Pipeline.run(job, reader: reader, writer: writer, context: context)
    try writer.finish()
    return try session.finish()
  }
}
