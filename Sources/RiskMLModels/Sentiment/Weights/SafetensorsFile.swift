import Foundation

/// A safetensors file read into memory: its tensor table and raw bytes.
///
/// Layout (https://github.com/huggingface/safetensors, README "Format"): an unsigned
/// 64-bit little-endian header length N, N bytes of UTF-8 JSON mapping each tensor name
/// to `dtype`, `shape` and `data_offsets` (relative to the end of the header), then the
/// data. An optional `__metadata__` entry holds strings. Floating-point tensors (F32,
/// F16, BF16, F64) are converted to `Float` on request; integer tensors are listed but
/// cannot be read as floats (BERT's `position_ids` buffer is one).
public struct SafetensorsFile: Sendable {
  /// The element type of a stored tensor.
  public enum DType: String, Sendable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

    /// Bytes per element.
    public var size: Int {
      switch self {
      case .f64, .i64: return 8
      case .f32, .i32: return 4
      case .f16, .bf16, .i16: return 2
      case .i8, .u8, .bool: return 1
      }
    }

    /// Whether `tensor(named:)` can convert this type to `Float`.
    public var isFloatingPoint: Bool {
      self == .f64 || self == .f32 || self == .f16 || self == .bf16
    }
  }

  /// One entry of the header.
  public struct Entry: Sendable, Equatable {
    /// The element type.
    public let dtype: DType
    /// The dimensions, outermost first.
    public let shape: [Int]
    /// Byte range of the data, relative to the start of the file.
    let range: Range<Int>
  }

  /// The path the file was read from, for messages.
  public let path: String
  /// Every tensor in the header, by name.
  public let entries: [String: Entry]
  /// The `__metadata__` strings, if any.
  public let metadata: [String: String]
  private let bytes: Data

  /// Reads and validates a safetensors file.
  ///
  /// - Throws: `SentimentError.missingFile` if it cannot be read (exit 66),
  ///   `.malformedWeights` if the header or the offsets are wrong (exit 65).
  public init(url: URL) throws {
    let path = url.path
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
      throw SentimentError.missingFile(path: path)
    }
    try self.init(data: data, path: path)
  }

  /// Parses safetensors bytes already in memory; `path` only names them in errors.
  public init(data: Data, path: String) throws {
    func fail(_ reason: String) -> SentimentError {
      .malformedWeights(path: path, reason: reason)
    }
    guard data.count >= 8 else {
      throw fail("file is \(data.count) bytes, shorter than the 8-byte header length")
    }
    var headerLength: UInt64 = 0
    for index in 0..<8 {
      headerLength |= UInt64(data[data.startIndex + index]) << (8 * UInt64(index))
    }
    guard headerLength <= UInt64(data.count - 8) else {
      throw fail("header length \(headerLength) exceeds the file size \(data.count)")
    }
    let dataStart = 8 + Int(headerLength)
    let headerBytes = data[(data.startIndex + 8)..<(data.startIndex + dataStart)]
    guard let object = try? JSONSerialization.jsonObject(with: Data(headerBytes)),
      let header = object as? [String: Any]
    else {
      throw fail("header is not a JSON object")
    }

    var entries: [String: Entry] = [:]
    var metadata: [String: String] = [:]
    for (name, value) in header {
      if name == "__metadata__" {
        for (key, item) in value as? [String: Any] ?? [:] {
          if let text = item as? String { metadata[key] = text }
        }
        continue
      }
      entries[name] = try Self.entry(
        name: name, value: value, dataStart: dataStart, fileSize: data.count, fail: fail)
    }
    self.path = path
    self.entries = entries
    self.metadata = metadata
    self.bytes = data
  }

  private static func entry(
    name: String, value: Any, dataStart: Int, fileSize: Int,
    fail: (String) -> SentimentError
  ) throws -> Entry {
    guard let fields = value as? [String: Any],
      let dtypeName = fields["dtype"] as? String,
      let shapeValues = fields["shape"] as? [Any],
      let offsetValues = fields["data_offsets"] as? [Any], offsetValues.count == 2
    else {
      throw fail("entry '\(name)' lacks dtype, shape or data_offsets")
    }
    guard let dtype = DType(rawValue: dtypeName) else {
      throw fail("tensor '\(name)' has unknown dtype \(dtypeName)")
    }
    let shape = shapeValues.compactMap { ($0 as? NSNumber)?.intValue }
    let offsets = offsetValues.compactMap { ($0 as? NSNumber)?.intValue }
    guard shape.count == shapeValues.count, shape.allSatisfy({ $0 >= 0 }),
      offsets.count == 2, offsets[0] >= 0, offsets[1] >= offsets[0]
    else {
      throw fail("tensor '\(name)' has an invalid shape or data_offsets")
    }
    let (elements, overflow) = shape.reduce((1, false)) { partial, dimension in
      let product = partial.0.multipliedReportingOverflow(by: dimension)
      return (product.partialValue, partial.1 || product.overflow)
    }
    guard !overflow, offsets[1] - offsets[0] == elements * dtype.size else {
      throw fail(
        "tensor '\(name)' holds \(offsets[1] - offsets[0]) bytes, shape \(shape) needs "
          + "\(overflow ? "too many" : String(elements * dtype.size))")
    }
    guard offsets[1] <= fileSize - dataStart else {
      throw fail("tensor '\(name)' data_offsets \(offsets) run past the end of the file")
    }
    let range = (dataStart + offsets[0])..<(dataStart + offsets[1])
    return Entry(dtype: dtype, shape: shape, range: range)
  }

  /// The first of `names` present in the file, if any.
  public func firstName(among names: [String]) -> String? {
    names.first { entries[$0] != nil }
  }

  /// A floating-point tensor converted to `Float`, checked against an expected shape.
  ///
  /// - Parameters:
  ///   - name: the tensor's name in the header.
  ///   - shape: the expected shape, or nil to accept any.
  /// - Throws: `.missingTensor`, `.shapeMismatch`, or `.malformedWeights` for integer data.
  public func tensor(named name: String, shape: [Int]? = nil) throws -> [Float] {
    guard let entry = entries[name] else {
      throw SentimentError.missingTensor(path: path, name: name)
    }
    if let shape, shape != entry.shape {
      throw SentimentError.shapeMismatch(
        path: path, name: name, expected: shape, actual: entry.shape)
    }
    guard entry.dtype.isFloatingPoint else {
      throw SentimentError.malformedWeights(
        path: path, reason: "tensor '\(name)' is \(entry.dtype.rawValue), not floating point")
    }
    let count = entry.range.count / entry.dtype.size
    return bytes.withUnsafeBytes { raw in
      let base = raw.baseAddress! + entry.range.lowerBound
      return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        Self.convert(base, dtype: entry.dtype, count: count, into: buffer)
        initialized = count
      }
    }
  }

  private static func convert(
    _ base: UnsafeRawPointer, dtype: DType, count: Int, into out: UnsafeMutableBufferPointer<Float>
  ) {
    switch dtype {
    case .f32:
      for i in 0..<count {
        out[i] = Float(
          bitPattern: UInt32(
            littleEndian: base.loadUnaligned(
              fromByteOffset: 4 * i, as: UInt32.self)))
      }
    case .f64:
      for i in 0..<count {
        out[i] = Float(
          Double(
            bitPattern: UInt64(
              littleEndian: base.loadUnaligned(
                fromByteOffset: 8 * i, as: UInt64.self))))
      }
    case .f16:
      for i in 0..<count {
        let bits = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
        out[i] = Float(Float16(bitPattern: bits))
      }
    case .bf16:
      for i in 0..<count {
        let bits = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
        out[i] = Float(bitPattern: UInt32(bits) << 16)
      }
    default:
      break
    }
  }
}
