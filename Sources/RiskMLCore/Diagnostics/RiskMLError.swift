/// An error that knows how to explain itself to a user and which exit code it ends the run with.
///
/// Each domain (input parsing, configuration, a model family) has its own error enum that
/// conforms to this protocol; `ErrorReporter` is the one place that prints them.
public protocol RiskMLError: Error, CustomStringConvertible {
  /// The exit code the run ends with when this error stops it.
  var exitCode: ExitCode { get }
}
