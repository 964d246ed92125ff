/// One training or evaluation row: a text and its label name.
public struct LabelledText: Sendable, Equatable {
  /// The text.
  public var text: String
  /// The label, matched case-insensitively against the trainer's labels.
  public var label: String

  /// A row.
  public init(text: String, label: String) {
    self.text = text
    self.label = label
  }

  /// SHA-256 of `label` TAB `text` LF for each row in order: a digest of the data that
  /// does not depend on the file format it came from.
  public static func digest(_ rows: [LabelledText]) -> String {
    var bytes: [UInt8] = []
    for row in rows {
      bytes.append(contentsOf: row.label.utf8)
      bytes.append(0x09)
      bytes.append(contentsOf: row.text.utf8)
      bytes.append(0x0A)
    }
    return SHA256Digest.hex(of: bytes)
  }
}
