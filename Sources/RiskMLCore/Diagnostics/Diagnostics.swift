import Foundation

/// How much riskml says on stderr.
public enum Verbosity: Int, Sendable, Comparable {
  /// Errors only.
  case quiet
  /// Errors and warnings (the default).
  case normal
  /// Also what the run resolved and how long each stage took.
  case verbose

  public static func < (lhs: Verbosity, rhs: Verbosity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The one writer of human-readable messages: everything goes to stderr, never stdout.
///
/// A progress bar is drawn only when stderr is a terminal, the run is not quiet, and
/// `NO_COLOR`/`TERM=dumb` do not ask for plain output.
public final class Diagnostics: @unchecked Sendable {
  public let verbosity: Verbosity
  private let lock = NSLock()
  private let showsProgress: Bool
  private var progressVisible = false

  public init(
    verbosity: Verbosity, environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.verbosity = verbosity
    let isTerminal = isatty(STDERR_FILENO) == 1
    showsProgress =
      isTerminal && verbosity >= .normal && environment["TERM"] != "dumb"
      && environment["RISKML_NO_PROGRESS"] == nil
  }

  /// An error message: always shown.
  public func error(_ message: String) {
    emit("riskml: error: \(message)")
  }

  /// A warning: shown unless quiet.
  public func warning(_ message: String) {
    guard verbosity >= .normal else { return }
    emit("riskml: warning: \(message)")
  }

  /// Detail for `--verbose`.
  public func info(_ message: @autoclosure () -> String) {
    guard verbosity >= .verbose else { return }
    emit("riskml: \(message())")
  }

  /// Draws `done` of `total` as a bar on the terminal; does nothing elsewhere.
  public func progress(_ label: String, done: Int, total: Int) {
    guard showsProgress, total > 0 else { return }
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
    progressVisible = done < total
    if done >= total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  /// Shows a running count for work whose total is unknown (a stream of rows); the line
  /// is cleared by `finishProgress()`. Does nothing off a terminal.
  public func progress(_ label: String, count: Int) {
    guard showsProgress else { return }
    lock.lock()
    defer { lock.unlock() }
    FileHandle.standardError.write(Data("\r\(label): \(count)".utf8))
    progressVisible = true
  }

  /// Clears a progress line, if one is shown.
  public func finishProgress() {
    lock.lock()
    defer { lock.unlock() }
    guard progressVisible else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    progressVisible = false
  }

  private func emit(_ line: String) {
    lock.lock()
    defer { lock.unlock() }
    if progressVisible {
      FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
      progressVisible = false
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
