import Foundation

/// Everything one subcommand run sets up from its options: messages, inputs, the output
/// writer, the reject log, the report, threads, and the files written at the end.
public final class CommandSession {
  public let options: OptionValues
  /// The configuration file as loaded (empty with `--no-config` or no file), for settings
  /// that only a file can hold, such as portfolio group limits.
  public let configuration: Configuration
  public let diagnostics: Diagnostics
  public let report: RunReport
  public let threads: Int
  private var rejectLog: RejectLog?
  private var lockDescriptor: Int32 = -1

  public init(options: OptionValues, configuration: Configuration) throws {
    self.options = options
    self.configuration = configuration
    let verbosity: Verbosity =
      options.arguments.isSet("quiet")
      ? .quiet : (options.arguments.isSet("verbose") ? .verbose : .normal)
    diagnostics = Diagnostics(verbosity: verbosity)
    report = RunReport(command: options.arguments.command.name)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    threads =
      try options.int("threads").map { n in
        guard n >= 1 else { throw UsageError("--threads must be at least 1") }
        return n
      } ?? cores
    try acquireLock()
    logResolvedSettings()
  }

  /// Under `--verbose`, each option's effective value and where it came from.
  private func logResolvedSettings() {
    guard diagnostics.verbosity >= .verbose else { return }
    diagnostics.info("OpenBLAS kernel \(BLASRuntime.coreName), \(threads) thread(s)")
    for option in options.arguments.command.options where option.takesValue {
      guard let (text, source) = options.resolved(option.long) else { continue }
      diagnostics.info("--\(option.long) \(text) (\(source))")
    }
  }

  deinit {
    if lockDescriptor >= 0 { close(lockDescriptor) }
  }

  /// The input paths: the positional arguments, or `-` (stdin) when there are none.
  ///
  /// - Throws: a usage error when no file is given and stdin is a terminal.
  public func inputPaths() throws -> [String] {
    let paths = options.arguments.positionals
    if paths.isEmpty || paths == ["-"] {
      if isatty(STDIN_FILENO) == 1 {
        throw UsageError(
          "no input: give a FILE, or pipe data into stdin "
            + "(see 'riskml \(options.arguments.command.name) --help')")
      }
      return ["-"]
    }
    return paths
  }

  /// How inputs are read, from `--from`, `--delimiter`, `--no-header`.
  public func inputOptions() throws -> InputOptions {
    var dialect = CSVDialect()
    dialect.hasHeader = !(try options.flag("no-header"))
    if let text = try options.string("delimiter") {
      let delimiter = text == "tab" || text == "\\t" ? "\t" : text
      guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first,
        byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D
      else {
        throw UsageError("--delimiter must be one ASCII character other than a quote or newline")
      }
      dialect.delimiter = byte
    }
    let format = try options.choice("from", as: InputFormat.self)
    return InputOptions(format: format, dialect: dialect)
  }

  /// Opens every input path as one table and records the inputs in the report.
  ///
  /// - Throws: a usage error when an output file is also an input or another output.
  public func openInput() throws -> TableReader {
    let paths = try inputPaths()
    report.inputs = paths.map { $0 == "-" ? "<stdin>" : $0 }
    try checkOutputsAreDistinct(inputs: paths)
    return try inputOptions().openAll(paths)
  }

  /// Refuses `-o`, `--rejects`, `--summary` or `--metrics` naming an input or each other:
  /// `-o prices.csv prices.csv` would replace the data with the results.
  private func checkOutputsAreDistinct(inputs: [String]) throws {
    var taken = inputs.compactMap(Self.fileIdentity).map { (name: "an input", identity: $0) }
    for option in ["output", "rejects", "summary", "metrics"] {
      guard let path = try options.string(option), let identity = Self.fileIdentity(path)
      else { continue }
      if let clash = taken.first(where: { $0.identity == identity }) {
        throw UsageError("--\(option) \(path) is also \(clash.name): give another file")
      }
      taken.append((name: "--\(option)", identity: identity))
    }
  }

  /// The device and inode of an existing regular file, the absolute path of one yet to be
  /// made, or nil for stdin, stdout and devices (`/dev/null` may take several outputs).
  private static func fileIdentity(_ path: String) -> String? {
    guard path != "-" else { return nil }
    var info = stat()
    guard stat(path, &info) == 0 else {
      return URL(fileURLWithPath: path).standardizedFileURL.path
    }
    return info.st_mode & S_IFMT == S_IFREG ? "\(info.st_dev):\(info.st_ino)" : nil
  }

  /// The output writer for `-o` / `--to`: the format is `--to`, else the output file's
  /// extension, else `defaultFormat`.
  public func makeWriter(
    bufferedCSV: Bool = false, defaultFormat: OutputFormat = .jsonl
  ) throws -> RecordWriter {
    let path = try options.string("output") ?? "-"
    let lowered = path.lowercased()
    let byExtension: OutputFormat? =
      lowered.hasSuffix(".csv")
      ? .csv : (lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") ? .jsonl : nil)
    let format = try options.choice("to", as: OutputFormat.self) ?? byExtension ?? defaultFormat
    return RecordWriter(sink: try OutputSink.file(path), format: format, bufferedCSV: bufferedCSV)
  }

  /// The reject log for `--on-error` / `--rejects`.
  public func rejects() throws -> RejectLog {
    if let rejectLog { return rejectLog }
    let policy = try options.choice("on-error", as: ErrorPolicy.self) ?? .fail
    let path = try options.string("rejects")
    if path != nil && policy == .fail {
      diagnostics.warning("--rejects has no effect without --on-error skip")
    }
    let writer = try path.map { RecordWriter(sink: try OutputSink.file($0), format: .jsonl) }
    let log = RejectLog(policy: policy, writer: policy == .skip ? writer : nil)
    rejectLog = log
    return log
  }

  /// The context the pipeline stages share.
  public func context() throws -> RunContext {
    RunContext(diagnostics: diagnostics, report: report, rejects: try rejects(), threads: threads)
  }

  /// Writes the rejects, summary and metrics files and returns the run's exit code:
  /// 3 when rows were rejected, else 0.
  public func finish() throws -> ExitCode {
    try rejectLog?.finish()
    let code: ExitCode = (rejectLog?.count ?? 0) > 0 ? .partialSuccess : .success
    if code == .partialSuccess {
      diagnostics.warning(
        "\(rejectLog!.count) row(s) rejected"
          + ((try? options.string("rejects")).flatMap { $0.map { ", written to \($0)" } } ?? ""))
    }
    try writeReports(exitCode: code)
    for stage in PipelineStage.allCases {
      let seconds = report.stageSeconds[stage] ?? 0
      diagnostics.info("\(stage.rawValue): \(String(format: "%.3f", seconds)) s")
    }
    return code
  }

  /// Writes `--summary` and `--metrics` for a run that ended with `exitCode`.
  public func writeReports(exitCode: ExitCode) throws {
    if let path = try options.string("summary") {
      var out: [UInt8] = []
      Value.object(report.summaryRecord(exitCode: exitCode)).appendJSON(to: &out)
      try writeAtomically(String(decoding: out, as: UTF8.self) + "\n", to: path)
    }
    if let path = try options.string("metrics") {
      try writeAtomically(report.prometheusText(exitCode: exitCode), to: path)
    }
  }

  private func acquireLock() throws {
    guard let path = try options.string("lock") else { return }
    let fd = open(path, O_RDWR | O_CREAT, 0o644)
    guard fd >= 0 else {
      throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw OutputError.lockHeld(path: path)
    }
    lockDescriptor = fd
  }
}
