import Foundation

@testable import RiskMLCore

/// Schemas, texts and temporary files shared by the configuration tests.
enum ConfigFixtures {
  /// The riskml schema with a volatility section as the command line would register it.
  static let schema = ConfigSchema.riskml([
    ConfigSchema.section(
      "volatility",
      keys: [
        ConfigKey("model", .choice(["ewma", "garch", "gjr", "egarch"])),
        ConfigKey("dist", .choice(["normal", "t", "skewt"])),
        ConfigKey("horizon", .int(.positive)),
        ConfigKey(option: "--return-type", .choice(["log", "simple"])),
        ConfigKey("lambda", .double(ConfigBounds(greaterThan: 0, lessThan: 1))),
        ConfigKey("series", .bool),
      ])
  ])

  /// A valid file touching every kind of value; line numbers are relied on by tests.
  static let valid = """
    models:
      sentiment:
        name: finbert
        version: 1
        batch_size: 16
        device: cuda
      risk:
        window_size: 500
        factors: [momentum, value]
      anomaly:
        contamination: 0.05
    volatility:
      model: egarch
      horizon: 5
      return_type: "simple"
      series: true

    """

  /// Validates `text` as a file called `config.yaml`.
  static func configuration(_ text: String) throws -> Configuration {
    let document = try YAMLDocument(parsing: text, file: "config.yaml")
    return try Configuration(document: document, schema: schema)
  }

  /// The error validating `text` throws, or `nil`.
  static func error(_ text: String) -> ConfigError? {
    do {
      _ = try configuration(text)
      return nil
    } catch let error as ConfigError {
      return error
    } catch {
      return nil
    }
  }

  /// A fresh empty directory under the system's temporary directory.
  static func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("riskml-config-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `bytes` to `name` in a fresh temporary directory and returns the path.
  static func temporaryFile(_ bytes: [UInt8], name: String = "config.yaml") throws -> String {
    let path = try temporaryDirectory() + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes `text` to a temporary file and returns the path.
  static func temporaryFile(_ text: String, name: String = "config.yaml") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
  }
}

/// Groups the configuration suites so that `swift test --filter Config` runs them all.
enum ConfigTests {}
