/// Input formats.
public enum InputFormat: String, Sendable, CaseIterable {
  case csv
  case jsonl

  /// The format a file's extension implies: `.csv`, `.tsv`, `.txt` are CSV; `.jsonl`,
  /// `.ndjson`, `.json` are JSONL. Nil when the extension says nothing (stdin included).
  public static func inferred(fromPath path: String) -> InputFormat? {
    let lower = path.lowercased()
    for suffix in [".csv", ".tsv", ".txt", ".csv.txt"] where lower.hasSuffix(suffix) { return .csv }
    for suffix in [".jsonl", ".ndjson", ".json"] where lower.hasSuffix(suffix) { return .jsonl }
    return nil
  }
}

/// How to open inputs: the format (or nil to infer it) and the CSV dialect.
public struct InputOptions: Sendable {
  public var format: InputFormat?
  public var dialect: CSVDialect

  public init(format: InputFormat? = nil, dialect: CSVDialect = CSVDialect()) {
    self.format = format
    self.dialect = dialect
  }

  /// Opens one path (`-` for stdin) as a table reader.
  public func open(_ path: String) throws -> TableReader {
    let source = try ByteSource(path: path)
    let format = format ?? InputFormat.inferred(fromPath: path) ?? .csv
    switch format {
    case .csv:
      var dialect = dialect
      if path.lowercased().hasSuffix(".tsv") && dialect.delimiter == UInt8(ascii: ",") {
        dialect.delimiter = UInt8(ascii: "\t")
      }
      return try CSVReader(input: source, dialect: dialect)
    case .jsonl:
      return try JSONLReader(input: source)
    }
  }

  /// Opens several paths as one table: their headers must agree; rows keep per-file lines.
  public func openAll(_ paths: [String]) throws -> TableReader {
    precondition(!paths.isEmpty, "at least one input path")
    if paths.count == 1 { return try open(paths[0]) }
    return try ConcatenatedReader(paths: paths, options: self)
  }
}

/// Reads several inputs one after another as if they were one table.
final class ConcatenatedReader: TableReader {
  private var remaining: [String]
  private let options: InputOptions
  private var current: TableReader
  let header: [String]

  var source: String { current.source }

  init(paths: [String], options: InputOptions) throws {
    self.options = options
    current = try options.open(paths[0])
    header = current.header
    remaining = Array(paths.dropFirst())
  }

  func nextRow() throws -> TableRow? {
    while true {
      if let row = try current.nextRow() { return row }
      guard !remaining.isEmpty else { return nil }
      current = try options.open(remaining.removeFirst())
      guard current.header == header else {
        throw InputError.invalidData(
          "\(current.source): columns differ from the first input's "
            + "(\(current.header.joined(separator: ",")) vs \(header.joined(separator: ",")))")
      }
    }
  }
}
