import RiskMLCore

/// A `riskml` subcommand: its option table and how it runs.
protocol Subcommand: Sendable {
  /// The table that drives parsing, help, config keys and environment variables.
  static var spec: CommandSpec { get }
  /// Runs the subcommand and returns its exit code.
  static func run(_ session: CommandSession) throws -> ExitCode
}
