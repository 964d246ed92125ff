import Foundation
import RiskMLCore
import RiskMLModels

/// `riskml anomaly`: fits an anomaly detector and scores rows, saves and reuses models,
/// or scores a date-ordered table against rolling windows without look-ahead.
enum AnomalyCommand: Subcommand {
  /// What one run does, chosen by the first positional word.
  enum Mode: Equatable {
    /// `riskml anomaly FILE`: fit on the input and score the same rows.
    case fitAndScore
    /// `riskml anomaly fit -o MODEL FILE`: fit and write the model file.
    case fit
    /// `riskml anomaly score --model MODEL FILE`: score with a saved model.
    case score
  }

  static let spec = CommandSpec(
    name: "anomaly",
    abstract: "Score rows for anomalies: statistical, isolation forest, deep and ensembles.",
    discussion: """
      Reads a table (transactions, daily returns and volumes, any numeric columns) and \
      writes every input row with anomaly_score (higher is more abnormal), anomaly (true \
      when the score is above the threshold) and top_features (the features behind the \
      score, for detectors that can say: not isolation forests or ensembles). Features \
      are --features, or every column whose non-missing values in the first 100 rows are \
      mostly numbers; every row must then hold numbers there. Without a mode word the \
      detector is fitted on the input and scores it. 'fit' writes the fitted model (a \
      JSON file) and 'score' scores any input with it, streaming in batches, never \
      refitting: a row gets the same score alone or in any batch. A file named fit or \
      score must be given as ./fit or ./score. The threshold is the (1 - contamination) \
      quantile of the training scores, or --threshold. With --by-date each row is scored \
      against the --window rows before it only (rolling z-score, rolling MAD or \
      generalised ESD), so later rows never change earlier scores. Missing values \
      (empty, NA, NaN, null, ...) follow --missing; NaN counts as missing, inf is an error.
      """,
    usage: [
      "riskml anomaly [--algorithm A] [options] [FILE|-]...",
      "riskml anomaly fit [--algorithm A] [options] -o MODEL.json [FILE|-]...",
      "riskml anomaly score --model MODEL.json [options] [FILE|-]...",
      "riskml anomaly --by-date COLUMN --window N [--method M] [options] [FILE|-]...",
    ],
    arguments: [
      ("fit|score", "Optional mode word: fit writes a model, score uses one."),
      ("FILE", "CSV or JSONL input; '-' or nothing reads stdin."),
    ],
    options: [
      OptionSpec(
        "algorithm", short: "a", value: "A",
        help: "Detector: " + AnomalySettings.algorithmNames.joined(separator: ", ")
          + " ('_' for '-' is accepted) [default: models.anomaly.algorithm in "
          + "config.yaml, else isolation-forest]."),
      OptionSpec(
        "features", short: "f", value: "A,B",
        help: "Feature columns (default: every numeric column)."),
      OptionSpec(
        "exclude", short: "x", value: "A,B",
        help: "Columns never used as features (an id, a label); they pass through."),
      OptionSpec(
        "contamination", short: "c", value: "C",
        help: "Share of training rows expected to be anomalous, in (0, 0.5]: sets "
          + "the threshold [default: models.anomaly.contamination in config.yaml, "
          + "else 0.1]."),
      OptionSpec(
        "threshold", value: "T",
        help: "Flag scores above T instead (with --by-date: the z-score limit, "
          + "default 3)."),
      OptionSpec("trees", value: "N", default: "100", help: "Isolation forest trees."),
      OptionSpec(
        "max-samples", value: "N", default: "256",
        help: "Isolation forest rows per tree (at most the row count)."),
      OptionSpec(
        "seed", value: "N", default: "0",
        help: "Seed of every random choice; results never depend on --threads."),
      OptionSpec(
        "members", value: "A,B",
        help: "Ensemble detectors [default: isolation-forest,ecod,copod,hbos]."),
      OptionSpec(
        "combine", value: "HOW", choices: ["mean", "max", "aom"], default: "mean",
        help: "How the ensemble combines its standardised scores."),
      OptionSpec(
        "hidden", value: "N,N",
        help: "Autoencoder hidden layer sizes [default: "
          + "2d,d/2,2d for d features]."),
      OptionSpec("epochs", value: "N", default: "30", help: "Autoencoder training epochs."),
      OptionSpec("learning-rate", value: "R", default: "0.001", help: "Autoencoder Adam step."),
      OptionSpec(
        "missing", value: "POLICY",
        choices: MissingFeaturePolicy.allCases.map(\.rawValue),
        default: "error",
        help: "A missing feature value: error (a bad row), skip (reject the row; "
          + "needs --on-error skip) or impute-median (the training median, kept in "
          + "the model for score)."),
      OptionSpec(
        "top", value: "N", default: "3",
        help: "Feature names in top_features (0 leaves the field out)."),
      OptionSpec(
        "model", short: "m", value: "FILE", configurable: false,
        help: "The model file that 'score' uses."),
      OptionSpec(
        "by-date", value: "COLUMN",
        help: "Score rows in date order against the rows before them only."),
      OptionSpec(
        "window", short: "w", value: "N", default: "60",
        help: "With --by-date: rows of history per score."),
      OptionSpec(
        "method", value: "M", choices: ["zscore", "robust-zscore", "esd"],
        default: "zscore",
        help: "With --by-date: rolling z-score, median/MAD z-score, or generalised "
          + "ESD (alpha 0.05)."),
    ],
    examples: [
      (
        "riskml anomaly --exclude id,label transactions.csv",
        "Isolation forest on every numeric column but id and label; 10 % flagged."
      ),
      (
        "riskml anomaly --algorithm ecod --contamination 0.01 -o scored.csv data.csv",
        "PyOD's ECOD; the top 1 % flagged; CSV output."
      ),
      (
        "riskml anomaly fit --algorithm ensemble --seed 7 -o model.json train.csv",
        "Fit an ensemble (isolation forest, ECOD, COPOD, HBOS) and save it."
      ),
      (
        "riskml anomaly score --model model.json new.csv",
        "Score new rows with the saved model, streaming; never refits."
      ),
      (
        "riskml anomaly --by-date Date --window 250 --method robust-zscore daily.csv",
        "Each day against the 250 days before it: no look-ahead."
      ),
    ])

  static func run(_ session: CommandSession) throws -> ExitCode {
    let options = session.options
    var paths = options.arguments.positionals
    let mode = mode(removingWordFrom: &paths)
    let settings = try AnomalySettings(session)
    let byDate = try options.string("by-date")
    let modelPath = try options.string("model")
    try checkCombinations(mode: mode, byDate: byDate, modelPath: modelPath, options: options)

    let reader = try openInput(paths, session: session)
    let context = try session.context()
    switch mode {
    case .fit:
      let output = try options.string("output") ?? "-"
      let job = AnomalyFitJob(settings: settings, output: .model(path: output))
      let silent = RecordWriter(sink: OutputSink.standardOutput(), format: .jsonl)
      try Pipeline.run(job, reader: reader, writer: silent, context: context)
      try silent.finish()
    case .score:
      let ignored = fittingOptions.filter { options.resolved($0)?.origin == .flag }
      if !ignored.isEmpty {
        session.diagnostics.warning(
          "score uses the model's features and settings; ignored: "
            + ignored.map { "--" + $0 }.joined(separator: ", "))
      }
      let saved = try SavedAnomalyModel.load(path: modelPath!)
      let job = try AnomalyScoreJob(
        saved: saved, reader: reader, settings: settings, threads: session.threads)
      var record = settings.record(features: saved.model.featureNames)
      record["algorithm"] = .string(saved.model.algorithm.rawValue)
      record["model"] = .string(modelPath!)
      record["threshold"] = .number(saved.model.threshold)
      context.report.settings = record
      let writer = try session.makeWriter()
      try Pipeline.run(job, reader: reader, writer: writer, context: context)
      try writer.finish()
    case .fitAndScore:
      let writer = try session.makeWriter()
      if let byDate {
        let job = try RollingAnomalyJob(
          options: options, settings: settings, dateColumn: byDate, threads: session.threads)
        try Pipeline.run(job, reader: reader, writer: writer, context: context)
      } else {
        let job = AnomalyFitJob(settings: settings, output: .scoredRows)
        try Pipeline.run(job, reader: reader, writer: writer, context: context)
      }
      try writer.finish()
    }
    return try session.finish()
  }

  /// Options that shape a fit, which `score` takes from the model file instead.
  static let fittingOptions = [
    "algorithm", "features", "exclude", "contamination", "threshold", "trees", "max-samples",
    "seed", "members", "combine", "hidden", "epochs", "learning-rate",
  ]

  /// The mode the first positional names, removing that word from `paths`.
  static func mode(removingWordFrom paths: inout [String]) -> Mode {
    switch paths.first {
    case "fit":
      paths.removeFirst()
      return .fit
    case "score":
      paths.removeFirst()
      return .score
    default:
      return .fitAndScore
    }
  }

  private static func checkCombinations(
    mode: Mode, byDate: String?, modelPath: String?, options: OptionValues
  ) throws {
    if mode == .score && modelPath == nil {
      throw UsageError(
        "'riskml anomaly score' needs --model FILE (written by 'riskml anomaly fit')")
    }
    if mode != .score && modelPath != nil {
      throw UsageError("--model is for 'riskml anomaly score --model FILE ...'")
    }
    if byDate != nil && mode != .fitAndScore {
      throw UsageError("--by-date scores rolling windows and saves no model: leave out '\(mode)'")
    }
    if byDate == nil {
      for name in ["window", "method"] where options.resolved(name)?.origin == .flag {
        throw UsageError("--\(name) needs --by-date COLUMN")
      }
    }
  }

  /// Opens `paths` (stdin for none or `-`) as one table, as `CommandSession.openInput`
  /// does for the positionals left after the mode word.
  private static func openInput(_ paths: [String], session: CommandSession) throws -> TableReader {
    var paths = paths
    if paths.isEmpty || paths == ["-"] {
      if isatty(STDIN_FILENO) == 1 {
        throw UsageError(
          "no input: give a FILE, or pipe data into stdin (see 'riskml anomaly --help')")
      }
      paths = ["-"]
    }
    session.report.inputs = paths.map { $0 == "-" ? "<stdin>" : $0 }
    return try session.inputOptions().openAll(paths)
  }
}
