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
  /// Strings are trimmed and read as decimal numbers; `inf`, `nan`, hexadecimal and text are
  /// errors.
  /// - Throws: `InputError.badValue` at `position` when the value is not a number.
  public func finiteNumber(at position: InputPosition, missing: MissingValues) throws -> Double? {
    if missing.isMissing(self) { return nil }
    switch self {
    case .int(let integer): return Double(integer)
    case .double(let number) where number.isFinite: return number
    case .string(let text):
      let trimmed = text.trimmingSpaces()
      if trimmed.utf8.allSatisfy(Self.isDecimalByte), let number = Double(trimmed),
        number.isFinite
      {
        return number
      }
      throw InputError.badValue(position, value: text, expected: "a finite number")
    default:
      throw InputError.badValue(position, value: displayText, expected: "a finite number")
    }
  }

  /// Whether `byte` can appear in a decimal number. `Double(_:)` alone also reads
  /// hexadecimal (`0X10`) and stops at a NUL byte (`1\u{0}2` reads as 1).
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
