import Foundation
import RiskMLCore
import RiskMLModels

/// `riskml sentiment train`: fits a head on labelled rows with `SentimentHeadTrainer`,
/// prints the held-out report and writes the head folder atomically.
enum SentimentTraining {
  /// The labels a head gets when the data uses only these, in this logit order.
  static let standardLabels = SentimentHeadTrainer.Settings().labels

  /// Trains and writes the head; 3 when rows were rejected, else 0.
  static func run(_ session: CommandSession) throws -> ExitCode {
    let options = session.options
    guard options.arguments.positionals.count == 1 else {
      throw UsageError(
        "'riskml sentiment train' reads --data FILE, not FILE arguments "
          + "(a file named 'train' is ./train)")
    }
    guard let dataPath = try options.string("data") else {
      throw UsageError("'riskml sentiment train' needs --data FILE with labelled rows")
    }
    guard let output = try options.string("output"), output != "-" else {
      throw UsageError("'riskml sentiment train' needs -o DIR for the head folder")
    }
    try checkReplaceable(URL(fileURLWithPath: output).standardizedFileURL)
    let settings = try SentimentModelOptions(session: session)
    let backend = try settings.backend(diagnostics: session.diagnostics)
    let resolved = try settings.resolve()
    let context = try session.context()
    let report = context.report
    let validPath = try options.string("valid")
    report.inputs = [dataPath] + (validPath.map { [$0] } ?? [])

    let data = LabelledReader(
      textField: try options.string("text-field") ?? "text",
      labelField: try options.string("label-field") ?? "label",
      inputOptions: try session.inputOptions())
    let (training, validation) = try report.time(.preprocess) {
      (
        try data.read(dataPath, context: context),
        try validPath.map { try data.read($0, context: context) }
      )
    }
    var trainer = SentimentHeadTrainer.Settings()
    trainer.labels =
      try options.list("labels")
      ?? labels(of: training + (validation ?? []))
    trainer.maxLength = try options.int("max-length") ?? trainer.maxLength
    guard trainer.maxLength >= 2 else { throw UsageError("--max-length must be at least 2") }
    if !resolved.isBuiltIn { trainer.baseModel = resolved.folder.lastPathComponent }

    let head = try report.time(.infer) {
      try SentimentHeadTrainer(folder: resolved.folder, backend: backend)
        .train(training, validation: validation, settings: trainer)
    }
    try report.time(.postprocess) { try writeAtomically(head, to: output) }
    describe(head.manifest, validPath: validPath, output: output, context: context)
    for field in settings.settingsRecord.fields where report.settings[field.key] == nil {
      report.settings[field.key] = field.value
    }
    return try session.finish()
  }

  /// The standard labels when the data uses only those, else the data's labels sorted
  /// (lower-cased, as the trainer matches them).
  static func labels(of rows: [LabelledText]) -> [String] {
    let found = Set(rows.map { $0.label.trimmingCharacters(in: .whitespaces).lowercased() })
    return found.isSubset(of: standardLabels) ? standardLabels : found.sorted()
  }

  /// Writes the head into a fresh sibling folder, then moves it into place, so that a
  /// failed run leaves an earlier head untouched. A folder holding anything but a head is
  /// never replaced.
  static func writeAtomically(_ head: SentimentHead, to path: String) throws {
    let manager = FileManager.default
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let stamp = "\(ProcessInfo.processInfo.processIdentifier)"
    let fresh = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(stamp)")
    let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(stamp)")
    try checkReplaceable(target)
    try? manager.removeItem(at: fresh)
    do {
      try head.write(to: fresh)
      // FIXME: two renames, not one: between them DIR is briefly absent. Linux's
      // renameat2(RENAME_EXCHANGE) would swap the folders atomically but is not exposed
      // to Swift by Glibc.
      if manager.fileExists(atPath: target.path) {
        try manager.moveItem(at: target, to: old)
      }
      try manager.moveItem(at: fresh, to: target)
      try? manager.removeItem(at: old)
    } catch let error as SentimentError {
      try? manager.removeItem(at: fresh)
      throw error
    } catch {
      try? manager.removeItem(at: fresh)
      throw SentimentError.cannotWrite(path: target.path, reason: "\(error)")
    }
  }

  /// Stops when `target` exists and is not a head folder, which training must not replace.
  ///
  /// - Throws: `SentimentError.cannotWrite` (73).
  static func checkReplaceable(_ target: URL) throws {
    let manager = FileManager.default
    guard manager.fileExists(atPath: target.path) else { return }
    guard let present = try? manager.contentsOfDirectory(atPath: target.path) else {
      throw SentimentError.cannotWrite(path: target.path, reason: "not a folder")
    }
    guard Set(present).isSubset(of: ["head.safetensors", "manifest.json"]) else {
      throw SentimentError.cannotWrite(
        path: target.path, reason: "the folder holds other files than a head; give a new one")
    }
  }

  /// Prints the held-out report on stderr (unless `--quiet`) and records it in the report.
  private static func describe(
    _ manifest: SentimentHeadManifest, validPath: String?, output: String, context: RunContext
  ) {
    let heldOut =
      validPath.map { "validation file \($0)" }
      ?? "20 % held out of --data, seeded"
    let chosen =
      "\(manifest.pooling) pooling, "
      + (manifest.normalised ? "L2-normalised" : "not normalised")
      + ", penalty \(Value.formatNumber(manifest.penalty)), "
      + (manifest.balanced ? "balanced classes" : "unbalanced")
    let lines = [
      "trained on \(manifest.trainingRows) rows "
        + "(\(counts(manifest).joined(separator: ", ")))",
      "held-out report (\(heldOut), \(manifest.validationRows) rows): accuracy "
        + String(format: "%.3f", manifest.validationAccuracy) + ", macro-F1 "
        + String(format: "%.3f", manifest.validationMacroF1),
      "chosen among \(manifest.candidates.count) candidates: \(chosen)",
      "wrote \(output) (head.safetensors, manifest.json)",
    ]
    if context.diagnostics.verbosity >= .normal {
      let text = lines.map { "riskml: \($0)\n" }.joined()
      FileHandle.standardError.write(Data(text.utf8))
    }
    let report = context.report
    report.settings = [
      "labels": .array(manifest.labels.map(Value.string)), "pooling": .string(manifest.pooling),
      "normalised": .bool(manifest.normalised), "penalty": .double(manifest.penalty),
      "balanced": .bool(manifest.balanced), "max_length": .int(manifest.maxLength),
      "base_model": .string(manifest.baseModel),
    ]
    report.details["validation_rows"] = .int(manifest.validationRows)
    report.details["validation_accuracy"] = .double(manifest.validationAccuracy)
    report.details["validation_macro_f1"] = .double(manifest.validationMacroF1)
  }

  private static func counts(_ manifest: SentimentHeadManifest) -> [String] {
    manifest.labels.map { "\($0) \(manifest.trainingLabelCounts[$0.lowercased()] ?? 0)" }
  }
}
