import Foundation
import Testing

/// The top-level command: help, version, unknown subcommands, no input.
@Suite struct CommandLineTests {
  @Test func noArgumentsPrintsUsageAndExits64() throws {
    let outcome = try BinaryRunner.run([])
    #expect(outcome.status == 64)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("USAGE:"))
  }

  @Test func versionAndHelp() throws {
    let version = try BinaryRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("riskml "))
    let help = try BinaryRunner.run(["volatility", "--help"])
    #expect(help.status == 0)
    for heading in ["OVERVIEW:", "USAGE:", "OPTIONS:", "EXAMPLES:", "--model MODEL"] {
      #expect(help.stdout.contains(heading))
    }
  }

  @Test func unknownSubcommandSuggests() throws {
    let outcome = try BinaryRunner.run(["volatilty"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("did you mean 'volatility'"))
  }

  @Test func mistypedOptionSuggests() throws {
    let outcome = try BinaryRunner.run(["volatility", "--horizn", "3", "examples/prices.csv"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("did you mean '--horizon'"))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func missingFileExits66() throws {
    let outcome = try BinaryRunner.run(["volatility", "no-such-file.csv"])
    #expect(outcome.status == 66)
    #expect(outcome.stderr.contains("no-such-file.csv"))
  }

  @Test func unwritableOutputExits73() throws {
    let outcome = try BinaryRunner.run(
      ["volatility", "-o", "/no-such-folder/out.jsonl", "examples/prices.csv"])
    #expect(outcome.status == 73)
  }

  @Test func outputThatIsAlsoAnInputIsRefused() throws {
    let scratch = Scratch()
    let prices = BinaryRunner.packageRoot.appendingPathComponent("examples/prices.csv")
    let data = try String(contentsOf: prices, encoding: .utf8)
    let input = scratch.write("prices.csv", data)
    let clobber = try BinaryRunner.run(["volatility", "--columns", "KO", "-o", input, input])
    #expect(clobber.status == 64)
    #expect(scratch.read("prices.csv") == data)
    let twice = try BinaryRunner.run([
      "volatility", "--columns", "KO", "-o", scratch.path("out.jsonl"), "--on-error", "skip",
      "--rejects", scratch.path("out.jsonl"), input,
    ])
    #expect(twice.status == 64)
    #expect(twice.stderr.contains("--rejects"))
  }

  @Test func lockHeldExits75() throws {
    let scratch = Scratch()
    let lockPath = scratch.path("run.lock")
    let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    let outcome = try BinaryRunner.run(["volatility", "--lock", lockPath, "examples/prices.csv"])
    #expect(outcome.status == 75)
  }
}
