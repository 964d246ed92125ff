import Foundation

/// A subcommand that works on whole series: read the table, split it into independent
/// tasks (usually one per asset), run the model on each, and write the results.
public protocol SeriesJob: Sendable {
  associatedtype Prepared
  associatedtype Task: Sendable
  associatedtype Result: Sendable

  /// Reads and checks the input (parse, validate, transform).
  func preprocess(_ reader: TableReader, context: RunContext) throws -> Prepared
  /// Splits the prepared input into tasks that can run in parallel.
  func batch(_ prepared: Prepared, context: RunContext) throws -> [Task]
  /// Runs the model on one task. Called concurrently from several threads.
  func infer(_ task: Task) throws -> Result
  /// Writes records for the results, in task order.
  func postprocess(
    _ results: [Result], prepared: Prepared, writer: RecordWriter, context: RunContext
  ) throws
}

/// A subcommand that works row by row in bounded memory: each row is prepared, rows are
/// grouped into batches, the model runs on a batch, and each result becomes a record.
public protocol RowJob: Sendable {
  associatedtype Item: Sendable
  associatedtype Result: Sendable

  /// Rows per batch.
  var batchSize: Int { get }
  /// Prepares one row; an `InputError` rejects the row (or stops the run under `fail`).
  func preprocess(_ row: TableRow, reader: TableReader) throws -> Item
  /// Runs the model on a batch, one result per item, in order.
  func infer(_ batch: [Item]) throws -> [Result]
  /// The output record for one item and its result.
  func postprocess(_ result: Result, item: Item) throws -> Record
}

/// What every stage of a run can reach: messages, the report, the reject log, threads.
public struct RunContext: Sendable {
  public let diagnostics: Diagnostics
  public let report: RunReport
  public let rejects: RejectLog
  /// Threads for parallel work (at least 1).
  public let threads: Int

  public init(diagnostics: Diagnostics, report: RunReport, rejects: RejectLog, threads: Int) {
    self.diagnostics = diagnostics
    self.report = report
    self.rejects = rejects
    self.threads = max(1, threads)
  }
}

/// Runs jobs through the four stages, timing each in the report.
public enum Pipeline {
  /// Runs a whole-series job: tasks are inferred in parallel on `context.threads` threads.
  public static func run<Job: SeriesJob>(
    _ job: Job, reader: TableReader, writer: RecordWriter, context: RunContext
  ) throws {
    let report = context.report
    let prepared = try report.time(.preprocess) { try job.preprocess(reader, context: context) }
    let tasks = try report.time(.batch) { try job.batch(prepared, context: context) }
    let results = try report.time(.infer) {
      try parallelMap(tasks, threads: context.threads) {
        try job.infer($0)
      } progress: { done in
        context.diagnostics.progress("fitting", done: done, total: tasks.count)
      }
    }
    try report.time(.postprocess) {
      try job.postprocess(results, prepared: prepared, writer: writer, context: context)
    }
    report.recordsWritten = writer.recordsWritten
    report.rowsRejected = context.rejects.count
  }

  /// Runs a row job over a stream: memory is bounded by one batch.
  public static func run<Job: RowJob>(
    _ job: Job, reader: TableReader, writer: RecordWriter, context: RunContext
  ) throws {
    let report = context.report
    var batch: [Job.Item] = []
    batch.reserveCapacity(job.batchSize)

    func flushBatch() throws {
      guard !batch.isEmpty else { return }
      let results = try report.time(.infer) { try job.infer(batch) }
      try report.time(.postprocess) {
        for (item, result) in zip(batch, results) {
          try writer.write(job.postprocess(result, item: item))
        }
      }
      batch.removeAll(keepingCapacity: true)
      context.diagnostics.progress("rows", count: report.rowsRead)
    }

    while let row = try report.time(.preprocess, { try reader.nextRow() }) {
      report.rowsRead += 1
      do {
        let item = try report.time(.preprocess) { try job.preprocess(row, reader: reader) }
        report.time(.batch) { batch.append(item) }
      } catch let error as InputError {
        try context.rejects.reject(error, row: reader.record(of: row), position: error.position)
      }
      if batch.count >= job.batchSize { try flushBatch() }
    }
    try flushBatch()
    context.diagnostics.finishProgress()
    if report.rowsRead == 0 { throw InputError.headerOnly(file: reader.source) }
    report.recordsWritten = writer.recordsWritten
    report.rowsRejected = context.rejects.count
  }

  /// Maps `items` through `transform` on up to `threads` threads, keeping their order.
  ///
  /// The first error thrown by any item is rethrown after all threads finish.
  public static func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], threads: Int, _ transform: @Sendable (T) throws -> R,
    progress: @Sendable (Int) -> Void = { _ in }
  ) throws -> [R] {
    let results = ResultSlots<R>(count: items.count)
    let workers = max(1, min(threads, items.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var index = worker
      while index < items.count {
        results.store(Result { try transform(items[index]) }, at: index)
        progress(results.completed)
        index += workers
      }
    }
    return try results.values()
  }
}

/// Slots filled from several threads, one per index.
private final class ResultSlots<R>: @unchecked Sendable {
  private var slots: [Result<R, Error>?]
  private var done = 0
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  var completed: Int { lock.withLock { done } }

  func store(_ result: Result<R, Error>, at index: Int) {
    lock.withLock {
      slots[index] = result
      done += 1
    }
  }

  func values() throws -> [R] {
    try slots.map { try $0!.get() }
  }
}
