import Foundation
import Testing

/// Locates `../shared` (the project's reference data) relative to the package root.
///
/// Tests that need it are skipped with a message where it is absent, through
/// `.enabled(if: SharedData.isAvailable, SharedData.absentMessage)`.
enum SharedData {
  /// The package root: three levels above this file (Tests/RiskMLModelsTests/Support).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `RISKML_SHARED` if set, else `../shared` beside the package root.
  static let root: URL = {
    if let custom = ProcessInfo.processInfo.environment["RISKML_SHARED"] {
      return URL(fileURLWithPath: custom)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  static var isAvailable: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("reference").path)
  }

  static let absentMessage: Comment = "../shared is absent: reference test skipped"

  /// The URL of a file under the shared folder, e.g. `url("reference/volatility_sp500.json")`.
  static func url(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }
}
