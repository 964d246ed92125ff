extension Value {
  /// Appends the compact JSON text of this value to `out`.
  ///
  /// Numbers use Swift's shortest round-trip form, so a value read back is bit-for-bit the
  /// one written; non-finite doubles are written as `null`.
  public func appendJSON(to out: inout [UInt8]) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .int(let integer): out.append(contentsOf: String(integer).utf8)
    case .double(let number): out.append(contentsOf: Self.formatNumber(number).utf8)
    case .string(let text): Self.appendQuoted(text, to: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        item.appendJSON(to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let record):
      record.appendJSON(to: &out)
    }
  }

  /// The number formatting used in every output: shortest round-trip, `null` if not finite.
  public static func formatNumber(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number == 0 { return "0.0" }
    return "\(number)"
  }

  static func appendQuoted(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
      case 0x0A: out.append(contentsOf: "\\n".utf8)
      case 0x0D: out.append(contentsOf: "\\r".utf8)
      case 0x09: out.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: "\\u00".utf8)
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// The compact JSON text of this value.
  public var jsonText: String {
    var out: [UInt8] = []
    appendJSON(to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}

extension Record {
  /// Appends the record as a JSON object, keys in order.
  public func appendJSON(to out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    for (i, field) in fields.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      Value.appendQuoted(field.key, to: &out)
      out.append(UInt8(ascii: ":"))
      field.value.appendJSON(to: &out)
    }
    out.append(UInt8(ascii: "}"))
  }
}
