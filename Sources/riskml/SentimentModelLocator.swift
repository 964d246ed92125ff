import Foundation
import RiskMLCore

/// Turns `--model DIR|NAME` and `--head DIR` into the folders a sentiment model loads from.
///
/// A value that names an existing path, or contains `/`, is a Hugging Face folder used as
/// is. Anything else is a model name: `all-MiniLM-L6-v2-finance` is the encoder
/// `all-MiniLM-L6-v2` with riskml's shipped head (`assets/sentiment-head`); any other name
/// is a folder of that name. Folders are searched in `$RISKML_MODEL_DIR` (a folder of
/// models, or the encoder folder itself), `./models`, and the `models` folder of the
/// repository the executable was built in. Nothing is ever downloaded.
struct SentimentModelLocator {
  /// Where a model's files are.
  struct Resolved: Equatable {
    /// The Hugging Face folder (config.json, model.safetensors, vocab).
    let folder: URL
    /// A head folder (head.safetensors, manifest.json), or nil for the model's own
    /// classifier.
    let head: URL?
    /// The name the model was asked for, or the folder's path.
    let description: String
    /// Whether the model came from the default name (so its base is known).
    let isBuiltIn: Bool
  }

  /// The built-in name: MiniLM plus the shipped head.
  static let defaultName = "all-MiniLM-L6-v2-finance"
  /// The encoder folder the built-in name runs on.
  static let defaultEncoder = "all-MiniLM-L6-v2"
  /// The shipped head's folder name under `assets`.
  static let shippedHead = "sentiment-head"

  let environment: [String: String]
  let workingDirectory: URL
  /// The repository the executable lives in, if it can be found.
  let repository: URL?

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
    workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    repository = Self.repositoryRoot()
  }

  /// The folders of `model` (a name or a path) and of `head` (a path), checked to exist.
  ///
  /// - Throws: `SentimentCommandError.modelNotFound` (66) naming the places searched.
  func resolve(model: String, head: String?) throws -> Resolved {
    let headURL = try head.map { path -> URL in
      let url = URL(fileURLWithPath: path)
      guard isDirectory(url) else {
        throw SentimentCommandError.modelNotFound(model: path, searched: [url.path], isHead: true)
      }
      return url
    }
    if model.contains("/") || isDirectory(URL(fileURLWithPath: model)) {
      let url = URL(fileURLWithPath: model)
      guard isDirectory(url) else {
        throw SentimentCommandError.modelNotFound(
          model: model, searched: [url.path], isHead: false)
      }
      return Resolved(folder: url, head: headURL, description: url.path, isBuiltIn: false)
    }
    let isBuiltIn = model == Self.defaultName
    let encoderName = isBuiltIn ? Self.defaultEncoder : model
    let candidates = encoderCandidates(encoderName)
    guard let folder = candidates.first(where: hasConfig) else {
      throw SentimentCommandError.modelNotFound(
        model: model, searched: candidates.map(\.path), isHead: false)
    }
    guard isBuiltIn, headURL == nil else {
      return Resolved(folder: folder, head: headURL, description: model, isBuiltIn: isBuiltIn)
    }
    let heads = headCandidates()
    guard let shipped = heads.first(where: { isDirectory($0) }) else {
      throw SentimentCommandError.modelNotFound(
        model: model, searched: heads.map(\.path), isHead: true)
    }
    return Resolved(folder: folder, head: shipped, description: model, isBuiltIn: true)
  }

  /// Where the encoder folder `name` may be, in search order.
  func encoderCandidates(_ name: String) -> [URL] {
    var result: [URL] = []
    if let custom = environment["RISKML_MODEL_DIR"], !custom.isEmpty {
      let root = URL(fileURLWithPath: custom)
      result.append(root.appendingPathComponent(name))
      if hasConfig(root) { result.append(root) }
    }
    result.append(workingDirectory.appendingPathComponent("models").appendingPathComponent(name))
    if let repository {
      result.append(repository.appendingPathComponent("models").appendingPathComponent(name))
    }
    return unique(result)
  }

  /// Where the shipped head may be, in search order.
  func headCandidates() -> [URL] {
    var result = [workingDirectory.appendingPathComponent("assets/\(Self.shippedHead)")]
    if let repository {
      result.append(repository.appendingPathComponent("assets/\(Self.shippedHead)"))
    }
    return unique(result)
  }

  private func hasConfig(_ url: URL) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent("config.json").path)
  }

  private func isDirectory(_ url: URL) -> Bool {
    var flag: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
  }

  private func unique(_ urls: [URL]) -> [URL] {
    var seen = Set<String>()
    return urls.filter { seen.insert($0.standardizedFileURL.path).inserted }
  }

  /// The nearest folder at most four levels above the executable (as invoked, and with
  /// symbolic links resolved) that holds `assets/sentiment-head`: the repository a
  /// `.build/release/riskml` was built in.
  static func repositoryRoot() -> URL? {
    let invoked = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let resolved = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for start in [invoked, resolved] {
      var folder = start.standardizedFileURL
      for _ in 0..<5 {
        let marker = folder.appendingPathComponent("assets/\(shippedHead)/manifest.json")
        if FileManager.default.fileExists(atPath: marker.path) { return folder }
        folder = folder.deletingLastPathComponent()
      }
    }
    return nil
  }
}
