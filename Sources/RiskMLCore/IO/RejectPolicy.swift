/// What to do with a row that cannot be used.
public enum ErrorPolicy: String, Sendable, CaseIterable {
  /// Stop at the first bad row with its error (the default).
  case fail
  /// Leave the row out, write it with its reason to the rejects file, and exit 3 at the end.
  case skip
}

/// Collects rejected rows under `--on-error skip` and writes each with its reason.
///
/// Every rejected row is counted; with a rejects file each is also written as a JSONL
/// record `{"file", "line", "column", "field", "reason", "row"}`, so nothing is dropped
/// silently.
public final class RejectLog: @unchecked Sendable {
  public let policy: ErrorPolicy
  private let writer: RecordWriter?
  public private(set) var count = 0

  public init(policy: ErrorPolicy, writer: RecordWriter?) {
    self.policy = policy
    self.writer = writer
  }

  /// Handles a bad row: rethrows under `fail`, records it under `skip`.
  public func reject(_ error: Error, row: Record?, position: InputPosition?) throws {
    guard policy == .skip, let inputError = error as? InputError else { throw error }
    count += 1
    guard let writer else { return }
    var record = Record()
    record["file"] = position.map { .string($0.file) } ?? .null
    record["line"] = position.map { .int($0.line) } ?? .null
    record["column"] = position?.column.map(Value.int) ?? .null
    record["field"] = position?.field.map(Value.string) ?? .null
    record["reason"] = .string(inputError.description)
    record["row"] = row.map(Value.object) ?? .null
    try writer.write(record)
  }

  /// Writes out and commits the rejects file.
  public func finish() throws {
    try writer?.finish()
  }
}
