import RiskMLCore

/// A `riskml` subcommand: its option table and how it runs.
protocol Subcommand: Sendable {
  /// The table that drives parsing, help, config keys and environment variables.
  static var spec: CommandSpec { get }
  /// Runs the subcommand and returns its exit code.
  static func run(_ session: CommandSession) throws -> ExitCode
  /// Whether most of its time goes to OpenBLAS, so that choosing the faster kernel is
  /// worth re-executing riskml at start-up (see `BLASKernel`).
  static var isBLASBound: Bool { get }
}

extension Subcommand {
  static var isBLASBound: Bool { true }
}
