import Testing

@testable import RiskMLCore

extension ConfigTests {
  @Suite struct ConfigSchemaTests {
    @Test(arguments: [
      (
        "models:\n  sentiment:\n    batchsize: 32\n",
        "config.yaml:3:5: unknown key 'batchsize' in models.sentiment "
          + "(did you mean 'batch_size'?)"
      ),
      (
        "modles:\n  risk: {}\n",
        "config.yaml:1:1: unknown key 'modles' in the top level (did you mean 'models'?)"
      ),
      (
        "volatility:\n  horizn: 5\n",
        "config.yaml:2:3: unknown key 'horizn' in volatility (did you mean 'horizon'?)"
      ),
      (
        "models:\n  risk:\n    window: 5\n",
        "config.yaml:3:5: unknown key 'window' in models.risk (did you mean 'window_size'?)"
      ),
      ("volatility:\n  window: 5\n", "config.yaml:2:3: unknown key 'window' in volatility"),
      (
        "correlation:\n  method: pearson\n",
        "config.yaml:2:3: unknown key 'method' in correlation"
      ),
      (
        "portfolio:\n  groups:\n    tech: {assets: [A], minimum: 0.1}\n",
        "config.yaml:3:25: unknown key 'minimum' in portfolio.groups.tech (did you mean 'min'?)"
      ),
    ])
    func unknownKeysNameLineAndSuggestion(text: String, message: String) {
      let error = ConfigFixtures.error(text)
      #expect(error?.description == message)
      #expect(error?.exitCode == .config)
    }

    @Test(arguments: [
      (
        "models:\n  sentiment:\n    batch_size: abc\n",
        "3:17: wrong value for 'models.sentiment.batch_size': expected an integer > 0, "
          + "found 'abc'"
      ),
      (
        "models:\n  sentiment:\n    batch_size: 0\n",
        "3:17: wrong value for 'models.sentiment.batch_size': expected an integer > 0, found '0'"
      ),
      (
        "models:\n  sentiment:\n    batch_size: \"32\"\n",
        "3:17: wrong value for 'models.sentiment.batch_size': expected an integer > 0, "
          + "found the quoted string \"32\""
      ),
      (
        "models:\n  sentiment:\n    device: gpu\n",
        "3:13: wrong value for 'models.sentiment.device': expected one of cpu, cuda, auto, "
          + "found 'gpu'"
      ),
      (
        "models:\n  anomaly:\n    contamination: 0.7\n",
        "3:20: wrong value for 'models.anomaly.contamination': expected a number in (0, 0.5], "
          + "found '0.7'"
      ),
      (
        "models:\n  risk:\n    factors: momentum\n",
        "3:14: wrong value for 'models.risk.factors': expected a list of strings, "
          + "found 'momentum'"
      ),
      (
        "volatility:\n  horizon: [1]\n",
        "2:12: wrong value for 'volatility.horizon': expected an integer > 0, found a list"
      ),
      (
        "volatility:\n  series: yes\n",
        "2:11: wrong value for 'volatility.series': expected true or false, found 'yes'"
      ),
      (
        "volatility:\n  lambda: .nan\n",
        "2:11: wrong value for 'volatility.lambda': expected a number in (0, 1), found '.nan'"
      ),
      ("models: 3\n", "1:9: wrong value for 'models': expected a mapping, found '3'"),
      (
        "portfolio:\n  asset_bounds:\n    AAPL: [0.5, 0.1]\n",
        "3:11: wrong value for 'portfolio.asset_bounds.AAPL': expected a list of two numbers "
          + "[lo, hi] with lo <= hi, found a list"
      ),
      (
        "portfolio:\n  scenarios:\n    bad: 2021-02-29:2021-03-01\n",
        "3:10: wrong value for 'portfolio.scenarios.bad': expected a date range "
          + "YYYY-MM-DD:YYYY-MM-DD, found '2021-02-29:2021-03-01'"
      ),
    ])
    func wrongTypesNameLineExpectedAndFound(text: String, message: String) {
      #expect(ConfigFixtures.error(text)?.description == "config.yaml:" + message)
    }

    @Test(arguments: [
      ("- a\n- b\n", "config.yaml:1:1: the top level must be a mapping of sections, found a list"),
      (
        "just text\n",
        "config.yaml:1:1: the top level must be a mapping of sections, "
          + "found 'just text'"
      ),
    ])
    func topLevelMustBeAMapping(text: String, message: String) {
      #expect(ConfigFixtures.error(text)?.description == message)
    }

    @Test func nullValuesAndSectionsAreUnset() throws {
      let configuration = try ConfigFixtures.configuration("volatility:\n  horizon:\nanomaly:\n")
      #expect(try configuration.int(["volatility", "horizon"]) == nil)
      #expect(configuration.node(["anomaly"]) == nil)
    }

    @Test func registeringMergesSections() {
      var schema = ConfigSchema.riskml()
      schema.register(ConfigSchema.section("volatility", keys: [ConfigKey("horizon", .string)]))
      schema.register(
        ConfigSchema.section("volatility", keys: [ConfigKey("horizon", .int(.positive))]))
      let budget = ConfigKey("budget", .double(.any))
      schema.register(ConfigSchema.section("portfolio", keys: [budget]))
      #expect(schema.type(at: ["volatility", "horizon"]) == .int(.positive))
      #expect(schema.type(at: ["portfolio", "budget"]) == .double(.any))
      #expect(schema.type(at: ["portfolio", "scenarios", "any_name"]) == .dateRange)
      #expect(
        schema.type(at: ["models", "anomaly", "device"]) == .choice(["cpu", "cuda", "auto"]))
      #expect(schema.type(at: ["volatility", "nothing"]) == nil)
      #expect(schema.keys.map(\.name) == ["models"] + ConfigSchema.subcommands)
    }

    @Test(
      arguments: [
        ("batchsize", "batch_size"), ("devce", "device"), ("window", "window_size"),
        ("contamination", "contamination"), ("xyz", nil), ("ba", nil),
      ] as [(String, String?)])
    func suggestions(word: String, suggestion: String?) {
      let names = ConfigSchema.modelKeys.map(\.name)
      #expect(KeySuggestion.closest(to: word, in: names) == suggestion)
    }

    @Test(arguments: [("", "abc", 3), ("kitten", "sitting", 3), ("same", "same", 0)])
    func editDistance(a: String, b: String, distance: Int) {
      #expect(KeySuggestion.editDistance(a, b) == distance)
      #expect(KeySuggestion.editDistance(b, a) == distance)
    }

    @Test(arguments: [
      ("--return-type", "return_type"), ("horizon", "horizon"), ("-n", "n"),
    ])
    func optionNames(option: String, name: String) {
      #expect(ConfigKey.name(forOption: option) == name)
    }

    @Test(arguments: [
      (ConfigBounds.any, "", [-1e300, 0, 1e300], [] as [Double]),
      (.positive, " > 0", [1e-300, 1], [0, -1]),
      (ConfigBounds(greaterThan: 0, atMost: 0.5), " in (0, 0.5]", [0.5, 0.1], [0, 0.51]),
      (ConfigBounds(atLeast: 1, lessThan: 2.5), " in [1, 2.5)", [1, 2], [2.5, 0.99]),
    ])
    func bounds(bounds: ConfigBounds, text: String, inside: [Double], outside: [Double]) {
      #expect(bounds.description == text)
      #expect(inside.allSatisfy(bounds.contains))
      #expect(!outside.contains(where: bounds.contains))
    }
  }
}
