import Foundation
import Testing

/// Locates the all-MiniLM-L6-v2 folder that scripts/fetch-minilm.sh unpacks:
/// `RISKML_MODEL_DIR` if set, else `models/all-MiniLM-L6-v2` under the package root.
enum MiniLMFolder {
  static let url: URL = {
    if let custom = ProcessInfo.processInfo.environment["RISKML_MODEL_DIR"] {
      return URL(fileURLWithPath: custom)
    }
    return SharedData.packageRoot.appendingPathComponent("models/all-MiniLM-L6-v2")
  }()

  static var isAvailable: Bool {
    ["config.json", "model.safetensors", "vocab.txt"].allSatisfy {
      FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
    }
  }

  static let absentMessage: Comment =
    "all-MiniLM-L6-v2 is absent (run scripts/fetch-minilm.sh or set RISKML_MODEL_DIR)"
}
