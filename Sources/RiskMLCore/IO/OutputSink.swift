import Foundation

/// Where output bytes go: standard output, or a file written atomically.
///
/// A file is written to a temporary name in the same folder, flushed to disk with `fsync`
/// and renamed over the target only by `commit()`, so a reader never sees half a file and
/// a failed run leaves the previous file in place.
public final class OutputSink {
  /// The name for messages: a path or `<stdout>`.
  public let name: String
  private let descriptor: Int32
  private let targetPath: String?
  private let temporaryPath: String?
  private var buffer: [UInt8] = []
  private let flushThreshold: Int
  private var isFinished = false

  /// Standard output. On a terminal each `flush()` reaches the screen at once.
  public static func standardOutput() -> OutputSink {
    OutputSink(name: "<stdout>", descriptor: STDOUT_FILENO, target: nil, temporary: nil)
  }

  /// A file at `path` (or standard output for `-`), written atomically.
  ///
  /// An existing path that is not a regular file (`/dev/null`, a named pipe) is written
  /// in place: renaming over it would replace the device or pipe with a plain file.
  /// - Throws: `OutputError.cannotCreate` when the temporary file cannot be made.
  public static func file(_ path: String) throws -> OutputSink {
    if path == "-" { return standardOutput() }
    var info = stat()
    if stat(path, &info) == 0, ![S_IFREG, S_IFDIR].contains(info.st_mode & S_IFMT) {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else {
        throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
      }
      return OutputSink(name: path, descriptor: fd, target: nil, temporary: nil)
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let template = folder + "/." + url.lastPathComponent + ".tmp-XXXXXX"
    var templateBytes = Array(template.utf8CString)
    let fd = mkstemp(&templateBytes)
    guard fd >= 0 else {
      throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(fd, 0o644)
    let temporary = String(
      decoding: templateBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return OutputSink(name: path, descriptor: fd, target: path, temporary: temporary)
  }

  private init(name: String, descriptor: Int32, target: String?, temporary: String?) {
    self.name = name
    self.descriptor = descriptor
    self.targetPath = target
    self.temporaryPath = temporary
    self.flushThreshold = 1 << 16
    buffer.reserveCapacity(flushThreshold)
  }

  deinit {
    if !isFinished { discard() }
  }

  /// Whether this sink is a terminal (so records should appear as they are made).
  public var isTerminal: Bool { isatty(descriptor) == 1 }

  /// Appends bytes, writing them out when the buffer is full.
  public func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Appends text as UTF-8.
  public func write(_ text: String) throws {
    try write(Array(text.utf8))
  }

  /// Writes out everything buffered.
  ///
  /// - Throws: `OutputError.writeFailed`, or `BrokenPipe` when a reader closed stdout.
  public func flush() throws {
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE && targetPath == nil { throw BrokenPipe() }
        throw OutputError.writeFailed(path: name, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and (for a file) renames the temporary file over the target.
  public func commit() throws {
    try flush()
    isFinished = true
    guard let targetPath, let temporaryPath else { return }
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw OutputError.writeFailed(path: targetPath, reason: reason)
    }
    guard rename(temporaryPath, targetPath) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw OutputError.cannotCreate(path: targetPath, reason: reason)
    }
  }

  /// Abandons a file being written: the temporary file is removed, the target untouched.
  public func discard() {
    isFinished = true
    guard let temporaryPath else { return }
    close(descriptor)
    unlink(temporaryPath)
  }
}

/// The reader of standard output went away (`riskml ... | head`): end quietly.
public struct BrokenPipe: Error {}

/// Writes `text` to `path` atomically (or to stdout for `-`).
public func writeAtomically(_ text: String, to path: String) throws {
  let sink = try OutputSink.file(path)
  try sink.write(text)
  try sink.commit()
}
