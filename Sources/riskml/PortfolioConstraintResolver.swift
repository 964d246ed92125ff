import RiskMLCore
import RiskMLModels

/// Builds `PortfolioConstraints` for the input's assets from `--bounds`, `--max-turnover`,
/// `--leverage` and the config file's `portfolio.asset_bounds` and `portfolio.groups`.
///
/// An asset named in the config file that the input does not have is a configuration
/// error (78) at its line, listing the assets the input does have.
struct PortfolioConstraintResolver {
  let settings: PortfolioSettings
  let extras: PortfolioExtras
  let configuration: Configuration

  /// Whether anything beyond long-only and fully invested was asked for.
  var isRestrictive: Bool {
    settings.lowerBound != 0 || settings.upperBound != 1 || settings.maxTurnover != nil
      || settings.leverage != nil || !extras.assetBounds.isEmpty || !extras.groups.isEmpty
  }

  /// The constraints on `assets`, with `current` weights for turnover.
  func constraints(assets: [String], current: [Double]?) throws -> PortfolioConstraints {
    var constraints = PortfolioConstraints(
      assetCount: assets.count, lower: settings.lowerBound, upper: settings.upperBound)
    for bound in extras.assetBounds {
      let i = try index(of: bound.asset, in: assets, path: ["asset_bounds", bound.asset])
      constraints.lower[i] = bound.bounds.lowerBound
      constraints.upper[i] = bound.bounds.upperBound
    }
    constraints.groups = try extras.groups.map { group in
      let members = try group.assets.map {
        try index(of: $0, in: assets, path: ["groups", group.name, "assets"])
      }
      return GroupLimit(
        name: group.name, members: members, minimum: group.min,
        maximum: group.max)
    }
    constraints.maxTurnover = settings.maxTurnover
    constraints.current = current
    constraints.maxLeverage = settings.leverage
    return constraints
  }

  /// The column of `asset`, or a configuration error at `portfolio.<path>`.
  private func index(of asset: String, in assets: [String], path: [String]) throws -> Int {
    if let i = assets.firstIndex(of: asset) { return i }
    let fullPath = ["portfolio"] + path
    let location =
      configuration.location(fullPath)
      ?? ConfigLocation(file: configuration.file ?? "config", line: 0, column: 0)
    throw ConfigError.wrongType(
      location, key: fullPath.joined(separator: "."),
      expected: "assets of the input (" + assets.joined(separator: ", ") + ")",
      found: asset)
  }
}
