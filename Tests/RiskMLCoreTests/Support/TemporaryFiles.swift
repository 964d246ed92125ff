import Foundation

/// A fresh folder per test, removed when the value is released.
final class TemporaryFolder {
  let url: URL

  init() {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("riskml-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `bytes` to `name` in the folder and returns its path.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) -> String {
    let path = url.appendingPathComponent(name).path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  /// Writes UTF-8 `text` to `name` in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    write(name, bytes: Array(text.utf8))
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
