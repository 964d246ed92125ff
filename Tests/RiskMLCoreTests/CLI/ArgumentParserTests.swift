import Testing

@testable import RiskMLCore

@Suite struct ArgumentParserTests {
  let spec = CommandSpec(
    name: "demo", abstract: "A demo.", usage: ["riskml demo [options] FILE"],
    options: [
      OptionSpec(
        "model", short: "m", value: "NAME", choices: ["garch", "gjr"], default: "garch",
        help: "The model."),
      OptionSpec("horizon", value: "N", default: "10", help: "Steps."),
      OptionSpec("series", help: "Per date."),
    ])

  @Test func parsesLongShortInlineAndPositionals() throws {
    let parsed = try ArgumentParser.parse(
      ["--model=gjr", "-vq", "--horizon", "5", "a.csv", "-", "--", "--odd"], for: spec)
    #expect(parsed.values == ["model": "gjr", "horizon": "5"])
    #expect(parsed.flags == ["verbose", "quiet"])
    #expect(parsed.positionals == ["a.csv", "-", "--odd"])
  }

  @Test func unknownOptionSuggestsTheNearest() {
    #expect(throws: UsageError.self) { try ArgumentParser.parse(["--horizn", "3"], for: spec) }
    let message = ArgumentParser.unknownOption("--horizn", command: spec)
    #expect(message.contains("did you mean '--horizon'"))
  }

  @Test func invalidChoiceAndMissingValue() {
    #expect(throws: UsageError.self) { try ArgumentParser.parse(["--model", "garhc"], for: spec) }
    #expect(throws: UsageError.self) { try ArgumentParser.parse(["--horizon"], for: spec) }
    #expect(throws: UsageError.self) { try ArgumentParser.parse(["--series=1"], for: spec) }
  }

  @Test func precedenceFlagThenEnvironmentThenDefault() throws {
    let parsed = try ArgumentParser.parse([], for: spec)
    let fromEnvironment = OptionValues(
      arguments: parsed, environment: ["RISKML_DEMO_HORIZON": "7"], file: nil)
    #expect(try fromEnvironment.int("horizon") == 7)
    #expect(fromEnvironment.resolved("horizon")?.origin == .environment("RISKML_DEMO_HORIZON"))
    let flagged = OptionValues(
      arguments: try ArgumentParser.parse(["--horizon", "3"], for: spec),
      environment: ["RISKML_DEMO_HORIZON": "7"], file: nil)
    #expect(try flagged.int("horizon") == 3)
    let defaults = OptionValues(arguments: parsed, environment: [:], file: nil)
    #expect(try defaults.int("horizon") == 10)
  }

  @Test func badEnvironmentValueIsAConfigError() throws {
    let values = OptionValues(
      arguments: try ArgumentParser.parse([], for: spec),
      environment: ["RISKML_DEMO_HORIZON": "soon"], file: nil)
    #expect {
      _ = try values.int("horizon")
    } throws: { error in
      (error as? ConfigurationValueError)?.exitCode == .config
    }
  }

  @Test func helpListsOptionsAndDefaults() {
    let help = HelpRenderer.render(spec)
    #expect(help.contains("USAGE:"))
    #expect(help.contains("--model NAME"))
    #expect(help.contains("[default: garch]"))
  }

  @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0)])
  func editDistance(_ a: String, _ b: String, _ expected: Int) {
    #expect(Suggestion.editDistance(a, b) == expected)
  }
}
