import Foundation
import Testing

/// Locates the project's shared data (`RISKML_SHARED`, else `../shared` beside the package
/// root) for CLI tests that run on it; they are skipped with a message where it is absent.
enum SharedData {
  static let root: URL = {
    if let custom = ProcessInfo.processInfo.environment["RISKML_SHARED"] {
      return URL(fileURLWithPath: custom)
    }
    return BinaryRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  static var isAvailable: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("reference").path)
  }

  static let absentMessage: Comment = "../shared is absent: test on shared data skipped"

  /// The path of a file under the shared folder.
  static func path(_ relativePath: String) -> String {
    root.appendingPathComponent(relativePath).path
  }
}
