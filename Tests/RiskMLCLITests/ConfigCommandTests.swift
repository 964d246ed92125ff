import Foundation
import Testing

/// Configuration files and environment variables as the binary sees them.
@Suite struct ConfigCommandTests {
  let prices = BinaryRunner.packageRoot.appendingPathComponent("examples/prices.csv").path

  @Test func unknownKeyNamesFileLineAndSuggests() throws {
    let scratch = Scratch()
    let config = scratch.write("c.yaml", "volatility:\n  horizn: 3\n")
    let outcome = try BinaryRunner.run(["volatility", "--config", config, prices])
    #expect(outcome.status == 78)
    #expect(outcome.stderr.contains("c.yaml:2"))
    #expect(outcome.stderr.contains("did you mean 'horizon'"))
  }

  @Test func wrongTypeInFileExits78WithLine() throws {
    let scratch = Scratch()
    let config = scratch.write("c.yaml", "volatility:\n  horizon: soon\n")
    let outcome = try BinaryRunner.run(["volatility", "--config", config, prices])
    #expect(outcome.status == 78)
    #expect(outcome.stderr.contains("c.yaml:2"))
  }

  @Test func precedenceFlagOverEnvironmentOverFile() throws {
    let scratch = Scratch()
    let config = scratch.write("c.yaml", "volatility:\n  horizon: 4\n")
    let arguments = ["volatility", "--columns", "KO", "--config", config, prices]

    let fromFile = try BinaryRunner.run(arguments)
    #expect(forecastLength(fromFile) == 4)

    let fromEnvironment = try BinaryRunner.run(
      arguments, environment: ["RISKML_VOLATILITY_HORIZON": "3"])
    #expect(forecastLength(fromEnvironment) == 3)

    let fromFlag = try BinaryRunner.run(
      arguments + ["--horizon", "2"], environment: ["RISKML_VOLATILITY_HORIZON": "3"])
    #expect(forecastLength(fromFlag) == 2)

    let ignored = try BinaryRunner.run(["volatility", "--columns", "KO", "--no-config", prices])
    #expect(forecastLength(ignored) == 10)
  }

  @Test func badEnvironmentValueExits78() throws {
    let outcome = try BinaryRunner.run(
      ["volatility", "--no-config", prices], environment: ["RISKML_VOLATILITY_HORIZON": "x"])
    #expect(outcome.status == 78)
    #expect(outcome.stderr.contains("RISKML_VOLATILITY_HORIZON"))
  }

  private func forecastLength(_ outcome: BinaryRunner.Outcome) -> Int? {
    (outcome.records.first?["forecast"] as? [Any])?.count
  }
}
