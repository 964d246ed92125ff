/// The type a configuration value must have, with its range or allowed values.
///
/// Numbers, Booleans and null are read only from plain (unquoted) scalars, so
/// `batch_size: "32"` is a string and an error; a string setting takes any scalar, so
/// `version: 1` is the string `1`.
public indirect enum ConfigType: Sendable, Equatable {
  /// Any scalar, read as text.
  case string
  /// A whole number within the bounds.
  case int(ConfigBounds)
  /// A finite number within the bounds; whole numbers are accepted.
  case double(ConfigBounds)
  /// `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`).
  case bool
  /// A list of scalars, read as text.
  case strings
  /// One of the listed words.
  case choice([String])
  /// A list of two numbers `[lo, hi]` with `lo <= hi`.
  case interval
  /// A string `YYYY-MM-DD:YYYY-MM-DD` of two valid dates, the first not after the second.
  case dateRange
  /// A mapping from any key to values of the given type.
  case map(ConfigType)
  /// A mapping with a fixed set of keys, each with its own type.
  case section([ConfigKey])

  /// A mapping from any key to a number.
  public static let doubleMap = ConfigType.map(.double(.any))
  /// A mapping from any key to a string.
  public static let stringMap = ConfigType.map(.string)

  /// What a message says was expected: `an integer > 0`, `one of cpu, cuda, auto`.
  public var expectation: String {
    switch self {
    case .string: return "a string"
    case .int(let bounds): return "an integer\(bounds)"
    case .double(let bounds): return "a number\(bounds)"
    case .bool: return "true or false"
    case .strings: return "a list of strings"
    case .choice(let words): return "one of \(words.joined(separator: ", "))"
    case .interval: return "a list of two numbers [lo, hi] with lo <= hi"
    case .dateRange: return "a date range YYYY-MM-DD:YYYY-MM-DD"
    case .map(let value): return "a mapping of names to \(value.expectation)"
    case .section: return "a mapping"
    }
  }

  /// Whether a `RISKML_*` variable for this type holds a comma-separated list.
  var isList: Bool {
    switch self {
    case .strings, .interval: return true
    default: return false
    }
  }
}
