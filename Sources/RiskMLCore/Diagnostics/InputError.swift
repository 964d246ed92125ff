/// Problems with input data: each names where it happened and what was expected.
public enum InputError: RiskMLError, Equatable {
  /// A file could not be opened.
  case cannotOpen(path: String, reason: String)
  /// Reading failed part-way.
  case readFailed(path: String, reason: String)
  /// The input had no header or no rows at all.
  case empty(file: String)
  /// The input has a header but no data rows.
  case headerOnly(file: String)
  /// Bytes that are not valid UTF-8.
  case invalidUTF8(InputPosition)
  /// A CSV quote was opened and never closed.
  case unterminatedQuote(InputPosition)
  /// A row with a different number of fields than the header.
  case raggedRow(InputPosition, expected: Int, found: Int)
  /// A line longer than the reader accepts.
  case lineTooLong(InputPosition, limit: Int)
  /// A JSONL line that is not a JSON object.
  case invalidJSON(InputPosition, reason: String)
  /// A field holding something other than what the column needs.
  case badValue(InputPosition, value: String, expected: String)
  /// A required value that is empty or missing.
  case missingValue(InputPosition, expected: String)
  /// A column named on the command line that the input does not have.
  case missingColumn(file: String, column: String, available: [String])
  /// Rows whose dates are out of order or repeated.
  case unsortedDates(InputPosition, date: String, previous: String)
  /// A problem with the data as a whole (too few rows, a constant series...).
  case invalidData(String)

  public var exitCode: ExitCode {
    switch self {
    case .cannotOpen: return .noInput
    case .readFailed: return .ioError
    default: return .dataError
    }
  }

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "\(path): cannot open: \(reason)"
    case .readFailed(let path, let reason):
      return "\(path): read failed: \(reason)"
    case .empty(let file):
      return "\(file): the input is empty"
    case .headerOnly(let file):
      return "\(file): the input has a header but no data rows"
    case .invalidUTF8(let at):
      return "\(at): invalid UTF-8 (re-encode the file as UTF-8, e.g. with iconv)"
    case .unterminatedQuote(let at):
      return "\(at): a quoted field is never closed"
    case .raggedRow(let at, let expected, let found):
      return "\(at): expected \(expected) fields as in the header, found \(found)"
    case .lineTooLong(let at, let limit):
      return "\(at): line longer than \(limit) bytes"
    case .invalidJSON(let at, let reason):
      return "\(at): not a JSON object: \(reason)"
    case .badValue(let at, let value, let expected):
      return "\(at)\(Self.fieldName(at)): expected \(expected), found \(Self.quoted(value))"
    case .missingValue(let at, let expected):
      return "\(at)\(Self.fieldName(at)): missing value, expected \(expected)"
    case .missingColumn(let file, let column, let available):
      let list = available.prefix(12).joined(separator: ", ")
      let guess = Suggestion.closest(to: column, among: available)
      return "\(file): no column '\(column)'" + (guess.map { " (did you mean '\($0)'?)" } ?? "")
        + " (columns: \(list)\(available.count > 12 ? ", ..." : ""))"
    case .unsortedDates(let at, let date, let previous):
      let relation = date == previous ? "repeats" : "comes before"
      return
        "\(at): date \(date) \(relation) the previous row's \(previous); "
        + "sort by date, one row per date"
    case .invalidData(let message):
      return message
    }
  }

  /// Where the error happened, when it concerns one row.
  public var position: InputPosition? {
    switch self {
    case .badValue(let at, _, _), .missingValue(let at, _), .invalidUTF8(let at),
      .unsortedDates(let at, _, _), .invalidJSON(let at, _), .raggedRow(let at, _, _),
      .unterminatedQuote(let at), .lineTooLong(let at, _):
      return at
    default:
      return nil
    }
  }

  private static func fieldName(_ at: InputPosition) -> String {
    at.field.map { " (\($0))" } ?? ""
  }

  private static func quoted(_ value: String) -> String {
    let shown = value.count > 40 ? String(value.prefix(40)) + "..." : value
    return "'\(shown)'"
  }
}

/// Mistakes on the command line: exit code 64.
public struct UsageError: RiskMLError, Equatable {
  public let message: String

  public init(_ message: String) { self.message = message }

  public var exitCode: ExitCode { .usage }
  public var description: String { message }
}

/// Failures to write output: exit code 73 (cannot create) or 74 (I/O).
public enum OutputError: RiskMLError, Equatable {
  case cannotCreate(path: String, reason: String)
  case writeFailed(path: String, reason: String)
  case lockHeld(path: String)

  public var exitCode: ExitCode {
    switch self {
    case .cannotCreate: return .cannotCreate
    case .writeFailed: return .ioError
    case .lockHeld: return .tempFail
    }
  }

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): return "\(path): cannot create: \(reason)"
    case .writeFailed(let path, let reason): return "\(path): write failed: \(reason)"
    case .lockHeld(let path): return "\(path): another riskml run holds this lock"
    }
  }
}
