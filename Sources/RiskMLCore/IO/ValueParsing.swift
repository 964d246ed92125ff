/// Tokens read as a missing value, as csvkit and pandas users expect.
///
/// Compared case-insensitively after trimming spaces: empty, `NA`, `N/A`, `NaN`, `null`,
/// `None`, `.` and `-`.
public struct MissingValues: Sendable {
  public var tokens: Set<String>

  public init(tokens: Set<String> = ["", "na", "n/a", "nan", "null", "none", ".", "-"]) {
    self.tokens = tokens
  }

  /// Whether `value` stands for a missing value.
  public func isMissing(_ value: Value) -> Bool {
    switch value {
    case .null: return true
    case .string(let text): return tokens.contains(text.trimmingSpaces().lowercased())
    case .double(let number): return number.isNaN
    default: return false
    }
  }
}

extension Value {
  /// The value as a finite number, or nil for missing values.
  ///
  /// Strings are read with `Double(_:)` (after trimming spaces when needed); missing tokens
  /// give nil; `inf`, `nan` written as a number, hexadecimal and other text are errors.
  /// The position is only built when there is an error to report.
  /// - Throws: `InputError.badValue` at `position` when the value is not a number.
  public func finiteNumber(
    at position: @autoclosure () -> InputPosition, missing: MissingValues
  ) throws -> Double? {
    switch self {
    case .string(let text):
      if let number = Double(text), number.isFinite, !Self.isHexadecimal(text) { return number }
      if missing.isMissing(self) { return nil }
      let trimmed = text.trimmingSpaces()
      if let number = Double(trimmed), number.isFinite, !Self.isHexadecimal(trimmed) {
        return number
      }
      throw InputError.badValue(position(), value: text, expected: "a finite number")
    case .int(let integer):
      return Double(integer)
    case .double(let number) where number.isFinite:
      return number
    default:
      if missing.isMissing(self) { return nil }
      throw InputError.badValue(position(), value: displayText, expected: "a finite number")
    }
  }

  /// Whether `text` is a hexadecimal float such as `0x1p3`, which `Double(_:)` accepts but
  /// a data file never means.
  private static func isHexadecimal(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    var first = bytes.next()
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { first = bytes.next() }
    return first == UInt8(ascii: "0") && (bytes.next() ?? 0) | 0x20 == UInt8(ascii: "x")
  }

  /// The value as text for a message or as a date/label field.
  public var displayText: String {
    switch self {
    case .string(let text): return text
    case .null: return ""
    default: return jsonText
    }
  }
}
