extension ConfigSchema {
  /// The subcommands that each get a section of defaults, in file order.
  public static let subcommands = [
    "volatility", "correlation", "portfolio", "anomaly", "sentiment",
  ]

  /// The model families under `models:`.
  public static let modelFamilies = ["sentiment", "risk", "anomaly"]

  /// The keys every `models.<family>` section allows.
  public static let modelKeys: [ConfigKey] = [
    ConfigKey("name", .string),
    ConfigKey("version", .string),
    ConfigKey("batch_size", .int(.positive)),
    ConfigKey("device", .choice(["cpu", "cuda", "auto"])),
    ConfigKey("type", .string),
    ConfigKey("window_size", .int(.positive)),
    ConfigKey("factors", .strings),
    ConfigKey("algorithm", .string),
    ConfigKey("contamination", .double(ConfigBounds(greaterThan: 0, atMost: 0.5))),
  ]

  /// The nested settings of `portfolio:` that have no command-line option:
  /// `asset_bounds` (asset → `[lo, hi]`), `groups` (name → `{assets, min, max}`) and
  /// `scenarios` (name → `YYYY-MM-DD:YYYY-MM-DD`).
  public static let portfolioExtras: [ConfigKey] = [
    ConfigKey("asset_bounds", .map(.interval)),
    ConfigKey(
      "groups",
      .map(
        .section([
          ConfigKey("assets", .strings),
          ConfigKey("min", .double(.any)),
          ConfigKey("max", .double(.any)),
        ]))),
    ConfigKey("scenarios", .map(.dateRange)),
  ]

  /// riskml's schema: `models` with its three families, one section per subcommand
  /// (holding the portfolio extras under `portfolio`), and then `subcommandSections`
  /// registered on top.
  ///
  /// - Parameter subcommandSections: sections made with `ConfigSchema.section(_:keys:)`,
  ///   one per subcommand, each with a key per option that takes a value.
  public static func riskml(_ subcommandSections: [ConfigKey] = []) -> ConfigSchema {
    let models = modelFamilies.map { section($0, keys: modelKeys) }
    var schema = ConfigSchema([section("models", keys: models)])
    for name in subcommands {
      schema.register(section(name, keys: name == "portfolio" ? portfolioExtras : []))
    }
    for section in subcommandSections {
      schema.register(section)
    }
    return schema
  }
}
