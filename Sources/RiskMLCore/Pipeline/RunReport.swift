import Foundation

/// What a run did: inputs, counts, settings and time per stage.
///
/// Written as JSON by `--summary FILE` and as Prometheus text by `--metrics FILE`.
/// Shared between threads only through `time(_:_:)`, which the pipeline calls from one
/// thread, so it is a plain class.
public final class RunReport: @unchecked Sendable {
  public let command: String
  public var inputs: [String] = []
  public var rowsRead = 0
  public var rowsRejected = 0
  public var recordsWritten = 0
  /// Model settings as the run resolved them.
  public var settings = Record()
  /// Command-specific figures (shrinkage, condition number, ...).
  public var details = Record()
  public private(set) var stageSeconds: [PipelineStage: Double] = [:]
  public let startedAt = Date()

  public init(command: String) { self.command = command }

  /// Runs `body`, adding its wall time to `stage`.
  public func time<T>(_ stage: PipelineStage, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer {
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      stageSeconds[stage, default: 0] += elapsed
    }
    return try body()
  }

  /// The run as one JSON object (the `--summary` file).
  public func summaryRecord(exitCode: ExitCode) -> Record {
    var record = Record()
    record["command"] = .string(command)
    record["version"] = .string(RiskMLVersion.string)
    record["started_at"] = .string(ISO8601DateFormatter().string(from: startedAt))
    record["seconds"] = .double(Date().timeIntervalSince(startedAt))
    record["exit_code"] = .int(Int(exitCode.rawValue))
    record["inputs"] = .array(inputs.map(Value.string))
    record["rows_read"] = .int(rowsRead)
    record["rows_rejected"] = .int(rowsRejected)
    record["records_written"] = .int(recordsWritten)
    record["settings"] = .object(settings)
    var timings = Record()
    for stage in PipelineStage.allCases {
      timings[stage.rawValue] = .double(stageSeconds[stage] ?? 0)
    }
    record["stage_seconds"] = .object(timings)
    for field in details.fields { record[field.key] = field.value }
    return record
  }

  /// The run in Prometheus text exposition format, for node_exporter's textfile collector.
  ///
  /// Counters end in `_total`; `riskml_last_success_timestamp_seconds` is set only when
  /// the run succeeded (exit 0 or 3), so an alert can fire on staleness.
  public func prometheusText(exitCode: ExitCode) -> String {
    let label = "command=\"\(command)\""
    var lines: [String] = []
    func metric(
      _ name: String, _ type: String, _ help: String, _ value: String, _ extra: String = ""
    ) {
      lines.append("# HELP \(name) \(help)")
      lines.append("# TYPE \(name) \(type)")
      lines.append("\(name){\(label)\(extra)} \(value)")
    }
    metric("riskml_rows_read_total", "counter", "Input rows read.", String(rowsRead))
    metric("riskml_rows_rejected_total", "counter", "Input rows rejected.", String(rowsRejected))
    metric(
      "riskml_records_written_total", "counter", "Output records written.", String(recordsWritten))
    lines.append("# HELP riskml_stage_seconds Wall time per pipeline stage.")
    lines.append("# TYPE riskml_stage_seconds gauge")
    for stage in PipelineStage.allCases {
      let seconds = Value.formatNumber(stageSeconds[stage] ?? 0)
      lines.append("riskml_stage_seconds{\(label),stage=\"\(stage.rawValue)\"} \(seconds)")
    }
    metric(
      "riskml_run_duration_seconds", "gauge", "Wall time of the run.",
      Value.formatNumber(Date().timeIntervalSince(startedAt)))
    metric("riskml_exit_code", "gauge", "Exit code of the last run.", String(exitCode.rawValue))
    if exitCode == .success || exitCode == .partialSuccess {
      metric(
        "riskml_last_success_timestamp_seconds", "gauge", "When the last successful run ended.",
        String(format: "%.3f", Date().timeIntervalSince1970))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
