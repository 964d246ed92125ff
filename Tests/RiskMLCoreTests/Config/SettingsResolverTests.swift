import Testing

@testable import RiskMLCore

extension ConfigTests {
  @Suite struct SettingsResolverTests {
    static let horizon = ["volatility", "horizon"]
    static let variable = "RISKML_VOLATILITY_HORIZON"

    @Test(
      arguments: [
        (3, "4", true, 3, SettingSource.flag),
        (nil, "4", true, 4, .environment(variable)),
        (nil, "", true, 5, .file("config.yaml", line: 2)),
        (nil, nil, true, 5, .file("config.yaml", line: 2)),
        (nil, nil, false, 10, .default),
        (3, "not a number", false, 3, .flag),
      ] as [(Int?, String?, Bool, Int, SettingSource)])
    func precedenceFlagEnvironmentFileDefault(
      flag: Int?, environment: String?, hasFile: Bool, value: Int, source: SettingSource
    ) throws {
      let text = hasFile ? "volatility:\n  horizon: 5\n" : ""
      let resolver = SettingsResolver(
        configuration: try ConfigFixtures.configuration(text),
        environment: environment.map { [Self.variable: $0] } ?? [:])
      let resolved = try resolver.resolve(Self.horizon, flag: flag, default: 10)
      #expect(resolved == Sourced(value, from: source))
    }

    @Test(arguments: [
      (SettingSource.flag, "command line"), (.default, "default"),
      (.environment(variable), "environment RISKML_VOLATILITY_HORIZON"),
      (.file("config.yaml", line: 34), "config.yaml:34"),
    ])
    func provenanceReadsForVerbose(source: SettingSource, text: String) {
      #expect(source.description == text)
    }

    @Test(arguments: [
      (["volatility", "return_type"], "RISKML_VOLATILITY_RETURN_TYPE"),
      (["models", "anomaly", "contamination"], "RISKML_MODELS_ANOMALY_CONTAMINATION"),
    ])
    func variableNames(path: [String], name: String) {
      #expect(SettingsResolver.variableName(for: path) == name)
    }

    @Test func environmentValuesOfEachType() throws {
      let resolver = SettingsResolver(
        configuration: try ConfigFixtures.configuration(ConfigFixtures.valid),
        environment: [
          "RISKML_MODELS_RISK_FACTORS": "size, value",
          "RISKML_MODELS_ANOMALY_CONTAMINATION": "0.2",
          "RISKML_VOLATILITY_SERIES": "false",
          "RISKML_MODELS_SENTIMENT_VERSION": "2",
        ])
      let factors: Sourced<[String]>? = try resolver.resolve(
        ["models", "risk", "factors"], flag: nil)
      let variable = "RISKML_MODELS_RISK_FACTORS"
      #expect(factors == Sourced(["size", "value"], from: .environment(variable)))
      let contamination = try resolver.resolve(
        ["models", "anomaly", "contamination"], flag: nil, default: 0.1)
      #expect(contamination.value == 0.2)
      let series = try resolver.resolve(["volatility", "series"], flag: nil, default: true)
      #expect(series.value == false)
      let version = try resolver.resolve(
        ["models", "sentiment", "version"], flag: nil, default: "0")
      #expect(version.value == "2")
      let model = try resolver.resolve(["volatility", "model"], flag: nil, default: "garch")
      #expect(model == Sourced("egarch", from: .file("config.yaml", line: 13)))
      let dist: Sourced<String>? = try resolver.resolve(["volatility", "dist"], flag: nil)
      #expect(dist == nil)
    }

    @Test(arguments: [
      (horizon, "ten", "expected an integer > 0, found 'ten'"),
      (horizon, "0", "expected an integer > 0, found '0'"),
      (["models", "sentiment", "device"], "gpu", "expected one of cpu, cuda, auto, found 'gpu'"),
      (
        ["models", "anomaly", "contamination"], "0.9",
        "expected a number in (0, 0.5], found '0.9'"
      ),
      (["volatility", "series"], "yes", "expected true or false, found 'yes'"),
      (["models", "risk", "factors"], "a,,b", "expected a list of strings, found 'a,,b'"),
    ])
    func badEnvironmentValuesNameTheVariable(path: [String], value: String, message: String) {
      let name = SettingsResolver.variableName(for: path)
      let resolver = SettingsResolver(
        configuration: Configuration(schema: ConfigFixtures.schema), environment: [name: value])
      #expect {
        try resolver.environmentValue(path, as: String.self)
      } throws: { error in
        let error = error as? ConfigError
        return error?.exitCode == .config
          && error?.description == "environment variable \(name): \(message)"
      }
    }

    @Test func badEnvironmentValueForTheAskedTypeWithoutSchema() {
      let path = ["sentiment", "threshold"]
      let resolver = SettingsResolver(
        configuration: Configuration(schema: ConfigSchema()),
        environment: ["RISKML_SENTIMENT_THRESHOLD": "high"])
      #expect(
        throws: ConfigError.badEnvironment(
          variable: "RISKML_SENTIMENT_THRESHOLD", expected: "a number", found: "'high'")
      ) {
        try resolver.resolve(path, flag: nil, default: 0.5)
      }
    }
  }
}
