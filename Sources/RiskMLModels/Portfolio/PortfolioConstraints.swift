/// A cap and/or floor on the total weight of a group of assets (a sector, a country).
public struct GroupLimit: Sendable, Equatable {
  /// The group's name, used in messages.
  public var name: String
  /// Indices of the member assets.
  public var members: [Int]
  /// The smallest total weight allowed, if any.
  public var minimum: Double?
  /// The largest total weight allowed, if any.
  public var maximum: Double?

  /// A group limit; nil ends mean no limit on that side.
  public init(name: String, members: [Int], minimum: Double? = nil, maximum: Double? = nil) {
    self.name = name
    self.members = members
    self.minimum = minimum
    self.maximum = maximum
  }
}

/// The constraints every optimising objective honours.
///
/// - Budget: `sum w = 1` always.
/// - Bounds: `lower[i] <= w_i <= upper[i]` (long-only `[0, 1]` by default).
/// - Groups: `minimum <= sum_{i in g} w_i <= maximum`.
/// - Turnover: `sum |w_i - current_i| <= maxTurnover`, through auxiliary variables
///   `t_i >= |w_i - current_i|` (two linear inequalities each) and `sum t <= maxTurnover`.
/// - Leverage: `sum |w_i| <= maxLeverage`, through `s_i >= |w_i|` and `sum s <= maxLeverage`
///   (the split `w = w+ - w-` in linear form; needs negative lower bounds to matter).
public struct PortfolioConstraints: Sendable, Equatable {
  /// Per-asset lower bounds.
  public var lower: [Double]
  /// Per-asset upper bounds.
  public var upper: [Double]
  /// Group limits.
  public var groups: [GroupLimit]
  /// The largest allowed `sum |w - current|`, with `current` set.
  public var maxTurnover: Double?
  /// Current weights, the reference for `maxTurnover`.
  public var current: [Double]?
  /// The largest allowed gross exposure `sum |w|`.
  public var maxLeverage: Double?

  /// Long-only (or any global box) constraints on `assetCount` assets.
  public init(assetCount: Int, lower: Double = 0, upper: Double = 1) {
    self.lower = Array(repeating: lower, count: assetCount)
    self.upper = Array(repeating: upper, count: assetCount)
    groups = []
  }

  /// Per-asset bounds.
  public init(lower: [Double], upper: [Double], groups: [GroupLimit] = []) {
    precondition(lower.count == upper.count, "bounds differ in length")
    self.lower = lower
    self.upper = upper
    self.groups = groups
  }

  /// The number of assets.
  public var assetCount: Int { lower.count }

  /// Whether turnover auxiliary variables are needed.
  var hasTurnover: Bool { maxTurnover != nil && current != nil }

  /// Whether leverage auxiliary variables are needed.
  var hasLeverage: Bool { maxLeverage != nil }
}
