/// A strict JSON parser (RFC 8259) that keeps object keys in their input order.
///
/// Integers without fraction or exponent that fit in `Int` become `.int`; other numbers
/// `.double`. Errors give the 1-based byte column.
public struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0

  /// A parse failure and the column where it happened.
  public struct Failure: Error, Equatable {
    public let column: Int
    public let reason: String
  }

  public init(bytes: [UInt8]) { self.bytes = bytes }

  /// Parses one complete JSON value; anything but whitespace after it is an error.
  public static func parse(_ bytes: [UInt8]) throws(Failure) -> Value {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw parser.failure("unexpected text after the value")
    }
    return value
  }

  private func failure(_ reason: String) -> Failure {
    Failure(column: index + 1, reason: reason)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(Failure) -> Value {
    guard depth < 512 else { throw failure("nesting deeper than 512 levels") }
    skipWhitespace()
    guard index < bytes.count else { throw failure("unexpected end of line") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    default: return try parseNumber()
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: Value) throws(Failure) -> Value {
    let utf8 = Array(word.utf8)
    guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
      throw failure("unexpected character")
    }
    index += utf8.count
    return value
  }

  private mutating func parseObject(depth: Int) throws(Failure) -> Value {
    index += 1
    var record = Record()
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(record)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a quoted key")
      }
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw failure("expected ':' after a key")
      }
      index += 1
      guard record[key] == nil else { throw failure("duplicate key '\(key)'") }
      record[key] = try parseValue(depth: depth + 1)
      skipWhitespace()
      guard index < bytes.count else { throw failure("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
      index += 1
      return .object(record)
    }
  }

  private mutating func parseArray(depth: Int) throws(Failure) -> Value {
    index += 1
    var items: [Value] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw failure("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
      index += 1
      return .array(items)
    }
  }

  private mutating func parseString() throws(Failure) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun(_ parser: JSONParser, _ end: Int) -> Bool {
      guard let run = String(validating: parser.bytes[runStart..<end], as: UTF8.self) else {
        return false
      }
      scalars.append(contentsOf: run.unicodeScalars)
      return true
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        guard flushRun(self, index) else { throw failure("invalid UTF-8 in a string") }
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw failure("control character in a string") }
      if byte == UInt8(ascii: "\\") {
        guard flushRun(self, index) else { throw failure("invalid UTF-8 in a string") }
        scalars.append(try parseEscape())
        runStart = index
        continue
      }
      index += 1
    }
    throw failure("unterminated string")
  }

  private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
    index += 1
    guard index < bytes.count else { throw failure("unterminated escape") }
    let code = bytes[index]
    index += 1
    switch code {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try parseHex4()
      if (0xD800..<0xDC00).contains(high) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { throw failure("unpaired surrogate") }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
      }
      guard let scalar = Unicode.Scalar(high) else { throw failure("unpaired surrogate") }
      return scalar
    default:
      throw failure("invalid escape")
    }
  }

  private mutating func parseHex4() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      guard let digit = hexDigit(byte) else { throw failure("invalid \\u escape") }
      value = value << 4 | digit
    }
    index += 4
    return value
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  private mutating func parseNumber() throws(Failure) -> Value {
    let start = index
    var isInteger = true
    if index < bytes.count && bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    let integerDigits = index - digitsStart
    guard integerDigits > 0 else { throw failure("unexpected character") }
    if integerDigits > 1 && bytes[digitsStart] == UInt8(ascii: "0") {
      throw failure("leading zero in a number")
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      let fractionStart = index
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      guard index > fractionStart else { throw failure("digits expected after '.'") }
    }
    if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      isInteger = false
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      let exponentStart = index
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
      guard index > exponentStart else { throw failure("digits expected in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let integer = Int(text) { return .int(integer) }
    guard let number = Double(text) else { throw failure("invalid number") }
    return .double(number)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
