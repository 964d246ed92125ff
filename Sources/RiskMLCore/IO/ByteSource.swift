import Foundation

/// Reads a file or standard input in large chunks, for parsers that work on bytes.
///
/// Memory stays bounded by the chunk size whatever the input's length.
public final class ByteSource {
  /// The name used in messages: the path, or `<stdin>`.
  public let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var isAtEOF = false

  /// Opens `path`, or standard input when `path` is `-`.
  ///
  /// - Throws: `InputError.cannotOpen` when the file cannot be read.
  public init(path: String, chunkSize: Int = 1 << 20) throws {
    if path == "-" {
      name = "<stdin>"
      descriptor = STDIN_FILENO
      ownsDescriptor = false
    } else {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        throw InputError.cannotOpen(path: path, reason: "is a directory")
      }
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else {
        throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
      }
      name = path
      descriptor = fd
      ownsDescriptor = true
    }
    buffer = [UInt8](repeating: 0, count: chunkSize)
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// The next byte, or nil at the end of the input.
  @inline(__always)
  public func next() throws -> UInt8? {
    if start == end {
      guard try refill() else { return nil }
    }
    let byte = buffer[start]
    start += 1
    return byte
  }

  /// The next byte without consuming it.
  @inline(__always)
  public func peek() throws -> UInt8? {
    if start == end {
      guard try refill() else { return nil }
    }
    return buffer[start]
  }

  /// Calls `body` with the unread bytes of the current chunk; `body` returns how many it used.
  ///
  /// Returns false at the end of the input. Lets parsers scan whole runs of ordinary bytes
  /// without a call per byte.
  public func withAvailableBytes(_ body: (UnsafeBufferPointer<UInt8>) throws -> Int) throws -> Bool
  {
    if start == end {
      guard try refill() else { return false }
    }
    let used = try buffer.withUnsafeBufferPointer { all in
      try body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
    start += used
    return true
  }

  private func refill() throws -> Bool {
    if isAtEOF { return false }
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        start = 0
        end = count
        return true
      }
      if count == 0 {
        isAtEOF = true
        return false
      }
      if errno == EINTR { continue }
      throw InputError.readFailed(path: name, reason: String(cString: strerror(errno)))
    }
  }
}
