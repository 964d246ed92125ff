import Foundation
import Testing

@testable import RiskMLCore

extension ConfigTests {
  @Suite struct ConfigurationTests {
    @Test func validFileRoundTrip() throws {
      let path = try ConfigFixtures.temporaryFile(ConfigFixtures.valid)
      let configuration = try Configuration.load(.explicit(path), schema: ConfigFixtures.schema)
      #expect(configuration.file == path)

      let sentiment = ["models", "sentiment"]
      let name = try configuration.string(sentiment + ["name"])
      #expect(name == Sourced("finbert", from: .file(path, line: 3)))
      #expect(try configuration.string(sentiment + ["version"])?.value == "1")
      let batchSize = try configuration.int(sentiment + ["batch_size"])
      #expect(batchSize == Sourced(16, from: .file(path, line: 5)))
      #expect(try configuration.string(sentiment + ["device"])?.value == "cuda")
      let factors = try configuration.strings(["models", "risk", "factors"])
      #expect(factors?.value == ["momentum", "value"])
      #expect(try configuration.double(["models", "anomaly", "contamination"])?.value == 0.05)
      #expect(try configuration.double(["models", "risk", "window_size"])?.value == 500)
      let series = try configuration.bool(["volatility", "series"])
      #expect(series == Sourced(true, from: .file(path, line: 16)))
      #expect(try configuration.string(["volatility", "return_type"])?.value == "simple")
      #expect(try configuration.string(["volatility", "dist"]) == nil)
      #expect(
        configuration.location(["volatility", "model"])
          == ConfigLocation(file: path, line: 13, column: 10))
    }

    @Test func askingForTheWrongTypeIsAnError() throws {
      let configuration = try ConfigFixtures.configuration(ConfigFixtures.valid)
      #expect(
        throws: ConfigError.wrongType(
          ConfigLocation(file: "config.yaml", line: 3, column: 11),
          key: "models.sentiment.name", expected: "an integer", found: "'finbert'")
      ) {
        try configuration.int(["models", "sentiment", "name"])
      }
    }

    @Test func repositoryConfigurationIsValid() throws {
      let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
      let path = root.appendingPathComponent("config.yaml").path
      let configuration = try Configuration.load(.explicit(path), schema: ConfigFixtures.schema)
      let models = ["models"]
      #expect(
        try configuration.string(models + ["sentiment", "name"])?.value
          == "all-MiniLM-L6-v2-finance")
      #expect(try configuration.string(models + ["sentiment", "version"])?.value == "1")
      #expect(try configuration.int(models + ["sentiment", "batch_size"])?.value == 32)
      #expect(try configuration.string(models + ["sentiment", "device"])?.value == "cpu")
      #expect(try configuration.string(models + ["risk", "type"])?.value == "garch")
      #expect(try configuration.int(models + ["risk", "window_size"])?.value == 252)
      #expect(
        try configuration.strings(models + ["risk", "factors"])?.value
          == ["momentum", "volatility"])
      #expect(
        try configuration.string(models + ["anomaly", "algorithm"])?.value
          == "isolation_forest")
      #expect(try configuration.double(models + ["anomaly", "contamination"])?.value == 0.1)
      #expect(try configuration.string(["volatility", "model"])?.value == "garch")
      #expect(try configuration.int(["volatility", "horizon"])?.value == 10)
    }

    @Test func fileSelection() throws {
      let directory = try ConfigFixtures.temporaryDirectory()
      let schema = ConfigFixtures.schema
      #expect(try Configuration.load(.standard(directory: directory), schema: schema).file == nil)
      #expect(throws: ConfigError.fileNotFound(path: directory + "/config.yaml")) {
        try Configuration.load(.explicit(directory + "/config.yaml"), schema: schema)
      }
      #expect(ConfigError.fileNotFound(path: "x.yaml").exitCode == .config)

      let path = directory + "/config.yaml"
      try Data("volatility: {horizon: 3}\n".utf8).write(to: URL(fileURLWithPath: path))
      let found = try Configuration.load(.standard(directory: directory), schema: schema)
      #expect(try found.int(["volatility", "horizon"]) == Sourced(3, from: .file(path, line: 1)))
      #expect(try Configuration.load(.disabled, schema: schema).isEmpty)
    }

    @Test(
      arguments: [
        (nil, false, ConfigSelection.standard(directory: ".")),
        ("a.yaml", false, .explicit("a.yaml")),
        ("a.yaml", true, .disabled),
        (nil, true, .disabled),
      ] as [(String?, Bool, ConfigSelection)])
    func selectionFromOptions(path: String?, isDisabled: Bool, selection: ConfigSelection) {
      #expect(ConfigSelection(configPath: path, isDisabled: isDisabled) == selection)
    }

    @Test func portfolioExtras() throws {
      let text = """
        portfolio:
          asset_bounds:
            AAPL: [0.0, 0.25]
            MSFT: [0.05, 0.3]
          groups:
            tech: {assets: [AAPL, MSFT], min: 0.1, max: 0.5}
            cash:
              assets: [BIL]
              max: 0.2
          scenarios:
            covid: "2020-02-19:2020-03-23"
            gfc: 2008-09-01:2009-03-09

        """
      let extras = try PortfolioExtras(configuration: ConfigFixtures.configuration(text))
      let file = "config.yaml"
      #expect(
        extras.assetBounds == [
          .init(asset: "AAPL", bounds: 0.0...0.25, source: .file(file, line: 3)),
          .init(asset: "MSFT", bounds: 0.05...0.3, source: .file(file, line: 4)),
        ])
      #expect(
        extras.groups == [
          .init(
            name: "tech", assets: ["AAPL", "MSFT"], min: 0.1, max: 0.5,
            source: .file(file, line: 6)),
          .init(name: "cash", assets: ["BIL"], min: nil, max: 0.2, source: .file(file, line: 8)),
        ])
      #expect(
        extras.scenarios.map { [$0.name, $0.start, $0.end] }
          == [["covid", "2020-02-19", "2020-03-23"], ["gfc", "2008-09-01", "2009-03-09"]])
      #expect(try PortfolioExtras(configuration: ConfigFixtures.configuration("")).groups.isEmpty)
    }

    @Test func groupWithMinAboveMaxIsAnError() throws {
      let text = "portfolio:\n  groups:\n    g: {assets: [A], min: 0.6, max: 0.2}\n"
      let configuration = try ConfigFixtures.configuration(text)
      #expect(
        throws: ConfigError.wrongType(
          ConfigLocation(file: "config.yaml", line: 3, column: 8),
          key: "portfolio.groups.g", expected: "min <= max", found: "min 0.6, max 0.2")
      ) {
        try PortfolioExtras(configuration: configuration)
      }
    }
  }
}
