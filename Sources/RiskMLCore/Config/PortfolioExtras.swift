/// The nested `portfolio:` settings that have no command-line option, read from a
/// configuration: per-asset weight bounds, group constraints and named scenarios.
///
/// ```yaml
/// portfolio:
///   asset_bounds: {AAPL: [0.0, 0.2]}
///   groups: {tech: {assets: [AAPL, MSFT], min: 0.1, max: 0.4}}
///   scenarios: {covid: "2020-02-19:2020-03-23"}
/// ```
public struct PortfolioExtras: Sendable, Equatable {
  /// `asset_bounds.<asset>: [lo, hi]`.
  public struct AssetBound: Sendable, Equatable {
    /// The asset (column) name.
    public var asset: String
    /// The allowed weight range.
    public var bounds: ClosedRange<Double>
    /// Where it was set.
    public var source: SettingSource
  }

  /// `groups.<name>: {assets, min, max}`: the summed weight of `assets` lies in
  /// [`min`, `max`]; a missing end is unconstrained.
  public struct Group: Sendable, Equatable {
    /// The group's name.
    public var name: String
    /// The assets it sums.
    public var assets: [String]
    /// The smallest total weight, if any.
    public var min: Double?
    /// The largest total weight, if any.
    public var max: Double?
    /// Where it was set.
    public var source: SettingSource
  }

  /// `scenarios.<name>: "YYYY-MM-DD:YYYY-MM-DD"`.
  public struct Scenario: Sendable, Equatable {
    /// The scenario's name.
    public var name: String
    /// The first day, `YYYY-MM-DD`.
    public var start: String
    /// The last day, `YYYY-MM-DD`.
    public var end: String
    /// Where it was set.
    public var source: SettingSource
  }

  /// The asset bounds in file order.
  public var assetBounds: [AssetBound] = []
  /// The groups in file order.
  public var groups: [Group] = []
  /// The scenarios in file order.
  public var scenarios: [Scenario] = []

  /// Reads the extras from `configuration`; absent sections give empty lists.
  ///
  /// - Throws: `ConfigError.wrongType` for a value of the wrong shape or a group whose
  ///   `min` is above its `max`.
  public init(configuration: Configuration) throws(ConfigError) {
    for (asset, node) in Self.entries(configuration, "asset_bounds") {
      let path = ["portfolio", "asset_bounds", asset]
      guard let bounds = ConfigValidator.interval(node.value) else {
        throw Self.mismatch(configuration, path, .interval, node.value)
      }
      assetBounds.append(AssetBound(asset: asset, bounds: bounds, source: node.source))
    }
    for (name, node) in Self.entries(configuration, "groups") {
      let path = ["portfolio", "groups", name]
      let assets = try configuration.strings(path + ["assets"])?.value ?? []
      let min = try configuration.double(path + ["min"])?.value
      let max = try configuration.double(path + ["max"])?.value
      if let min, let max, min > max {
        throw Self.mismatch(configuration, path, nil, node.value, "min \(min), max \(max)")
      }
      groups.append(
        Group(name: name, assets: assets, min: min, max: max, source: node.source))
    }
    for (name, node) in Self.entries(configuration, "scenarios") {
      let path = ["portfolio", "scenarios", name]
      guard let text = node.value.scalar, ConfigValidator.isDateRange(text) else {
        throw Self.mismatch(configuration, path, .dateRange, node.value)
      }
      // FIXME: the days stay `YYYY-MM-DD` strings until RiskMLCore has a shared date type.
      let days = text.split(separator: ":").map(String.init)
      scenarios.append(
        Scenario(name: name, start: days[0], end: days[1], source: node.source))
    }
  }

  /// The non-null entries of `portfolio.<key>` with their sources.
  private static func entries(
    _ configuration: Configuration, _ key: String
  ) -> [(String, Sourced<YAMLNode>)] {
    guard let map = configuration.node(["portfolio", key])?.value.entries else { return [] }
    return map.compactMap { entry in
      configuration.node(["portfolio", key, entry.key]).map { (entry.key, $0) }
    }
  }

  private static func mismatch(
    _ configuration: Configuration, _ path: [String], _ type: ConfigType?,
    _ node: YAMLNode, _ found: String? = nil
  ) -> ConfigError {
    let at = ConfigLocation(file: configuration.file ?? "", mark: node.mark)
    let expected = type?.expectation ?? "min <= max"
    return .wrongType(
      at, key: path.joined(separator: "."), expected: expected, found: found ?? node.summary)
  }
}
