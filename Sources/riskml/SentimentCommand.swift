import Foundation
import RiskMLCore
import RiskMLModels

/// `riskml sentiment`: classifies financial text with a BERT-family model that riskml runs
/// itself; `riskml sentiment train` fits a head on labelled text.
enum SentimentCommand: Subcommand {
  static let spec = CommandSpec(
    name: "sentiment",
    abstract: "Classify financial text with a BERT-family model; train a sentiment head.",
    discussion: """
      Reads CSV or JSONL rows and writes each row with label (the most probable class), \
      score (its probability) and probs (every label's probability); an input column of \
      the same name is replaced. The default model, all-MiniLM-L6-v2-finance, is the \
      all-MiniLM-L6-v2 encoder (fetched by 'make model' into models/) with the \
      negative/neutral/positive head shipped in assets/sentiment-head. --model also takes \
      a Hugging Face folder: one with its own classifier (BertForSequenceClassification, \
      e.g. ProsusAI/finbert) is used as it is, a bare encoder needs --head DIR. Names are \
      looked up in $RISKML_MODEL_DIR, ./models and the models folder of riskml's \
      repository; nothing is downloaded. Texts longer than --max-length tokens are cut. \
      With --document each text is split into sentences and scored as the mean of \
      P(positive) - P(negative), with the sentences' labels. 'riskml sentiment train' fits \
      a logistic-regression head on pooled embeddings of labelled rows, choosing pooling, \
      normalisation, class balancing and penalty by macro-F1 on --valid (or on a seeded 20 \
      % hold-out), prints the held-out report and writes DIR (head.safetensors, \
      manifest.json) atomically. A file named 'train' is read as ./train.
      """,
    usage: [
      "riskml sentiment [--model NAME|DIR] [--text-field F] [options] [FILE|-]...",
      "riskml sentiment train --data FILE [--valid FILE] -o DIR [--label-field F] [options]",
    ],
    arguments: [
      ("FILE", "CSV or JSONL input; '-' or nothing reads stdin."),
      ("train", "Train a head instead of classifying (the first word only)."),
    ],
    options: [
      OptionSpec(
        "model", short: "m", value: "NAME|DIR",
        help: "Model name or Hugging Face folder (default: models.sentiment.name, "
          + "else all-MiniLM-L6-v2-finance)."),
      OptionSpec(
        "head", value: "DIR",
        help: "Head folder (head.safetensors, manifest.json) for a bare encoder."),
      OptionSpec("text-field", value: "NAME", default: "text", help: "The column of the text."),
      OptionSpec(
        "labels", value: "A,B,C",
        help: "Rename the model's labels, in its output order; with train, the "
          + "labels in logit order (default: negative,neutral,positive when the "
          + "data uses them, else the data's labels sorted)."),
      OptionSpec("logits", help: "Also write the raw logits per label."),
      OptionSpec(
        "min-confidence", value: "P",
        help: "Write label 'uncertain' when the top probability is below P."),
      OptionSpec(
        "max-length", value: "N",
        help: "Tokens per text, [CLS] and [SEP] included, at most the model's "
          + "max_position_embeddings (default: 512; train: 128)."),
      OptionSpec(
        "truncate", value: "HOW", choices: ["head", "head-tail"], default: "head",
        help: "Keep the first tokens (head), or the first quarter and the last "
          + "three quarters of the budget (head-tail)."),
      OptionSpec(
        "document",
        help: "Split each text into sentences; write the mean of P(positive) - "
          + "P(negative) as score, the sentence count and each sentence's label."),
      OptionSpec(
        "batch-size", short: "b", value: "N",
        help: "Texts per batch (default: models.sentiment.batch_size, else 32)."),
      OptionSpec(
        "device", value: "DEVICE", choices: ["cpu", "cuda", "auto"],
        help: "Where the model runs; only the CPU exists, auto uses it (default: "
          + "models.sentiment.device, else cpu)."),
      OptionSpec(
        "data", value: "FILE", configurable: false,
        help: "train: labelled rows (CSV or JSONL) to fit on."),
      OptionSpec(
        "valid", value: "FILE", configurable: false,
        help: "train: labelled rows to choose settings on (default: a seeded 20 % "
          + "of --data)."),
      OptionSpec(
        "label-field", value: "NAME", default: "label",
        help: "train: the column of the label."),
    ],
    examples: [
      (
        "riskml sentiment headlines.csv",
        "Label each row's text column with the default model (run 'make model' first)."
      ),
      (
        "riskml sentiment --text-field title --min-confidence 0.6 --to csv news.jsonl",
        "Classify the title field; low-confidence rows get the label uncertain."
      ),
      (
        "riskml sentiment --model ~/models/finbert --logits notes.csv",
        "Use ProsusAI/finbert from a local folder and add its logits."
      ),
      (
        "riskml sentiment --document --truncate head-tail filings.jsonl",
        "One score per filing: the mean sentence sentiment, long sentences cut at both ends."
      ),
      (
        "riskml sentiment train --data labelled.csv --valid valid.csv -o my-head",
        "Train a head on your own labels; then use it with --model "
          + "models/all-MiniLM-L6-v2 --head my-head."
      ),
    ])

  static func run(_ session: CommandSession) throws -> ExitCode {
    if session.options.arguments.positionals.first == "train" {
      return try SentimentTraining.run(session)
    }
    let options = session.options
    for name in ["data", "valid"] where options.arguments.values[name] != nil {
      throw UsageError("--\(name) belongs to 'riskml sentiment train'")
    }
    let settings = try SentimentModelOptions(session: session)
    let backend = try settings.backend(diagnostics: session.diagnostics)
    let textField = try options.string("text-field") ?? "text"
    let minimumConfidence = try options.double("min-confidence")
    if let minimumConfidence, !(0...1).contains(minimumConfidence) {
      throw UsageError("--min-confidence must be between 0 and 1")
    }
    let maxLength = try options.int("max-length") ?? 512
    guard maxLength >= 2 else { throw UsageError("--max-length must be at least 2") }

    let reader = try session.openInput()
    try requireTextColumn(textField, in: reader, session: session)
    let classifier = try load(
      settings, backend: backend, labels: try options.list("labels"), maxLength: maxLength,
      diagnostics: session.diagnostics)
    let job = SentimentJob(
      classifier: classifier, textField: textField, batchSize: settings.batchSize,
      truncation: try options.choice("truncate", as: BertTokenizer.Truncation.self) ?? .head,
      minimumConfidence: minimumConfidence.map(Float.init),
      writesLogits: try options.flag("logits"), scoresDocuments: try options.flag("document"))

    let writer = try session.makeWriter()
    let context = try session.context()
    var record = settings.settingsRecord
    record["labels"] = .array(classifier.labels.map(Value.string))
    record["max_length"] = .int(classifier.maxLength)
    record["truncate"] = .string(job.truncation.rawValue)
    context.report.settings = record
    try Pipeline.run(job, reader: reader, writer: writer, context: context)
    try writer.finish()
    return try session.finish()
  }

  /// Loads the classifier that `settings` names, saying under `--verbose` what was loaded.
  static func load(
    _ settings: SentimentModelOptions, backend: CPUBackend, labels: [String]?, maxLength: Int,
    diagnostics: Diagnostics
  ) throws -> SentimentClassifier {
    let resolved = try settings.resolve()
    if resolved.head == nil {
      let config = try BertConfig(url: resolved.folder.appendingPathComponent("config.json"))
      guard config.architecture.hasSuffix("ForSequenceClassification") else {
        throw SentimentCommandError.headRequired(folder: resolved.folder.path)
      }
    }
    let started = Date()
    let classifier = try SentimentClassifier.load(
      folder: resolved.folder, labels: labels, head: resolved.head, backend: backend,
      maxLength: maxLength, batchSize: settings.batchSize)
    let name = resolved.description == resolved.folder.path ? "" : "\(resolved.description): "
    diagnostics.info(
      "model \(name)\(resolved.folder.path)"
        + (resolved.head.map { " with head \($0.path)" } ?? "")
        + String(format: ", loaded in %.2f s", Date().timeIntervalSince(started)))
    diagnostics.info(
      "labels \(classifier.labels.joined(separator: ",")), max length "
        + "\(classifier.maxLength), \(backend.name)")
    return classifier
  }

  /// Stops a CSV run whose header lacks the text column (JSONL rows may add it later, so
  /// they are checked one by one).
  private static func requireTextColumn(
    _ field: String, in reader: TableReader, session: CommandSession
  ) throws {
    guard !reader.header.contains(field) else { return }
    let first = try session.inputPaths()[0]
    let format = try session.inputOptions().format ?? InputFormat.inferred(fromPath: first)
    guard format != .jsonl else { return }
    throw InputError.missingColumn(file: reader.source, column: field, available: reader.header)
  }
}
