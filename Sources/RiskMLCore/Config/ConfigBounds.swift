/// An interval a numeric setting must lie in, each end open, closed or absent.
///
/// `ConfigBounds(greaterThan: 0, atMost: 0.5)` is (0, 0.5]; `.positive` is > 0.
public struct ConfigBounds: Sendable, Equatable, CustomStringConvertible {
  /// The lower end, or `nil` for none.
  public var lower: Double?
  /// Whether the lower end itself is allowed.
  public var isLowerInclusive: Bool
  /// The upper end, or `nil` for none.
  public var upper: Double?
  /// Whether the upper end itself is allowed.
  public var isUpperInclusive: Bool

  /// Bounds from optional ends; give at most one of `greaterThan` and `atLeast`, and at
  /// most one of `lessThan` and `atMost`.
  public init(
    greaterThan: Double? = nil, atLeast: Double? = nil,
    lessThan: Double? = nil, atMost: Double? = nil
  ) {
    precondition(greaterThan == nil || atLeast == nil, "two lower bounds")
    precondition(lessThan == nil || atMost == nil, "two upper bounds")
    lower = greaterThan ?? atLeast
    isLowerInclusive = atLeast != nil
    upper = lessThan ?? atMost
    isUpperInclusive = atMost != nil
  }

  /// Any value.
  public static let any = ConfigBounds()
  /// Strictly greater than zero.
  public static let positive = ConfigBounds(greaterThan: 0)

  /// Whether `x` lies within the bounds.
  public func contains(_ x: Double) -> Bool {
    if let lower, isLowerInclusive ? x < lower : x <= lower { return false }
    if let upper, isUpperInclusive ? x > upper : x >= upper { return false }
    return true
  }

  /// How the bounds read after a type name: `""`, `" > 0"`, `" in (0, 0.5]"`.
  public var description: String {
    switch (lower, upper) {
    case (nil, nil):
      return ""
    case (let lower?, nil):
      return " \(isLowerInclusive ? ">=" : ">") \(Self.format(lower))"
    case (nil, let upper?):
      return " \(isUpperInclusive ? "<=" : "<") \(Self.format(upper))"
    case (let lower?, let upper?):
      let open = isLowerInclusive ? "[" : "("
      let close = isUpperInclusive ? "]" : ")"
      return " in \(open)\(Self.format(lower)), \(Self.format(upper))\(close)"
    }
  }

  private static func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
