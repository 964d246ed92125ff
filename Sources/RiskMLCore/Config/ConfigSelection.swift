/// Which configuration file a run reads, from `--config FILE` and `--no-config`.
public enum ConfigSelection: Sendable, Equatable {
  /// `--config FILE`: the file must exist (else `ConfigError.fileNotFound`, exit 78).
  case explicit(String)
  /// No option: `config.yaml` in the given directory when it exists, else nothing.
  case standard(directory: String)
  /// `--no-config`: no file is read.
  case disabled

  /// The file name looked for when no `--config` is given.
  public static let standardFileName = "config.yaml"

  /// The selection the two options make; `--no-config` wins over `--config` (the command
  /// line is expected to reject the pair as a usage error first).
  public init(configPath: String?, isDisabled: Bool, directory: String = ".") {
    if isDisabled {
      self = .disabled
    } else if let configPath {
      self = .explicit(configPath)
    } else {
      self = .standard(directory: directory)
    }
  }

  /// The file to read, or `nil` for none; `fileExists` decides for `.standard`.
  func path(fileExists: (String) -> Bool) -> String? {
    switch self {
    case .explicit(let path):
      return path
    case .standard(let directory):
      let name = Self.standardFileName
      let path = directory == "." ? name : "\(directory)/\(name)"
      return fileExists(path) ? path : nil
    case .disabled:
      return nil
    }
  }
}
