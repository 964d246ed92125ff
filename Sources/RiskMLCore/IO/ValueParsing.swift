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
  /// Strings are read as decimal numbers with `Double(_:)`, after trimming spaces when
  /// needed; missing tokens give nil; `inf`, `nan` written as a number, hexadecimal, an
  /// embedded NUL and other text are errors. The position is only built for an error.
  /// - Throws: `InputError.badValue` at `position` when the value is not a number.
  public func finiteNumber(
    at position: @autoclosure () -> InputPosition, missing: MissingValues
  ) throws -> Double? {
    switch self {
    case .string(let text):
      if let number = Self.decimal(text) { return number }
      if missing.isMissing(self) { return nil }
      if let number = Self.decimal(text.trimmingSpaces()) { return number }
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

  /// `text` as a finite decimal number: digits, sign, point and exponent only, so that
  /// hexadecimal floats, `inf` and text cut short at a NUL byte are refused.
  private static func decimal(_ text: String) -> Double? {
    guard !text.isEmpty, text.utf8.allSatisfy(isDecimalByte), let number = Double(text),
      number.isFinite
    else { return nil }
    return number
  }

  private static func isDecimalByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "+-.eE".utf8.contains(byte)
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
