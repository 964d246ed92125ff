/// Process exit codes, following the BSD `sysexits.h` convention riskml documents in docs/cli.md.
public enum ExitCode: Int32, Sendable, CaseIterable {
  /// Everything was read and written.
  case success = 0
  /// A failure that is not one of the more specific kinds below (a model that cannot be fitted).
  case failure = 1
  /// The run finished, but some rows were rejected (`--on-error skip`).
  case partialSuccess = 3
  /// The command line was wrong.
  case usage = 64
  /// The input data was malformed.
  case dataError = 65
  /// An input file does not exist or cannot be opened.
  case noInput = 66
  /// An internal error: a bug in riskml.
  case software = 70
  /// An output file cannot be created.
  case cannotCreate = 73
  /// Reading or writing failed part-way.
  case ioError = 74
  /// Another run holds the lock file.
  case tempFail = 75
  /// The configuration is invalid.
  case config = 78
}
