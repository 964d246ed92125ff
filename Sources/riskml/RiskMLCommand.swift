import Foundation
import RiskMLCore

/// The `riskml` entry point: picks the subcommand, runs it, maps errors to exit codes.
enum RiskMLCommand {
  static let subcommands: [any Subcommand.Type] = [
    VolatilityCommand.self,
    CorrelationCommand.self,
    PortfolioCommand.self,
    AnomalyCommand.self,
    SentimentCommand.self,
  ]

  static func main(_ arguments: [String]) -> Int32 {
    let rest = Array(arguments.dropFirst())
    guard let first = rest.first else {
      FileHandle.standardError.write(Data(overview().utf8))
      return ExitCode.usage.rawValue
    }
    switch first {
    case "--help", "-h", "help":
      if first == "help", rest.count > 1, let command = find(rest[1]) {
        print(HelpRenderer.render(command.spec), terminator: "")
      } else {
        print(overview(), terminator: "")
      }
      return ExitCode.success.rawValue
    case "--version", "-V":
      print("riskml \(RiskMLVersion.string)")
      return ExitCode.success.rawValue
    default:
      guard let command = find(first) else {
        let names = subcommands.map { $0.spec.name }
        var message = "riskml: error: unknown subcommand '\(first)'"
        if let guess = Suggestion.closest(to: first, among: names) {
          message += " (did you mean '\(guess)'?)"
        }
        FileHandle.standardError.write(Data((message + "; see 'riskml --help'\n").utf8))
        return ExitCode.usage.rawValue
      }
      return run(command, arguments: Array(rest.dropFirst()))
    }
  }

  static func find(_ name: String) -> (any Subcommand.Type)? {
    subcommands.first { $0.spec.name == name }
  }

  static func run(_ command: any Subcommand.Type, arguments: [String]) -> Int32 {
    var session: CommandSession?
    do {
      let parsed = try ArgumentParser.parse(arguments, for: command.spec)
      if parsed.isSet("help") {
        print(HelpRenderer.render(command.spec), terminator: "")
        return ExitCode.success.rawValue
      }
      let configuration = try ConfigLoader.load(parsed)
      let options = OptionValues(
        arguments: parsed, environment: ProcessInfo.processInfo.environment, file: configuration)
      session = try CommandSession(options: options, configuration: configuration)
      return try command.run(session!).rawValue
    } catch is BrokenPipe {
      return ExitCode.success.rawValue
    } catch {
      let code = (error as? RiskMLError)?.exitCode ?? .software
      let message = (error as? RiskMLError)?.description ?? "internal error: \(error)"
      let diagnostics = session?.diagnostics ?? Diagnostics(verbosity: .normal)
      diagnostics.error(message)
      try? session?.writeReports(exitCode: code)
      return code.rawValue
    }
  }

  static func overview() -> String {
    var text = """
      OVERVIEW: riskml: batch analytics for financial risk and machine learning

      USAGE:
        riskml <subcommand> [options] [FILE|-]...
        riskml <subcommand> --help
        riskml --version

      SUBCOMMANDS:

      """
    for command in subcommands {
      let name = command.spec.name.padding(toLength: 14, withPad: " ", startingAt: 0)
      text += "  \(name)\(command.spec.abstract)\n"
    }
    text +=
      "\nInput is CSV or JSONL from files or stdin; output is JSONL (or CSV) on stdout "
      + "or -o FILE.\n"
    text += "Exit codes: 0 ok, 1 failure, 3 rows rejected, 64 usage, 65 bad data, 66 no input,\n"
    text += "70 internal error, 73 cannot create output, 74 I/O error, 75 locked, 78 bad config.\n"
    return text
  }
}
