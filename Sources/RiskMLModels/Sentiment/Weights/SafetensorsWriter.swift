import Foundation

/// Writes `Float` tensors as an F32 safetensors file (the format `SafetensorsFile` reads).
public enum SafetensorsWriter {
  /// The bytes of a safetensors file holding `tensors` (name, shape, row-major values).
  ///
  /// Names are sorted so that the same tensors always give the same bytes; the header is
  /// padded with spaces to a multiple of 8 bytes, as the reference implementation does.
  public static func encode(
    _ tensors: [(name: String, shape: [Int], values: [Float])], metadata: [String: String] = [:]
  ) -> Data {
    let sorted = tensors.sorted { $0.name < $1.name }
    var header: [String: Any] = [:]
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var offset = 0
    for tensor in sorted {
      let size = tensor.values.count * 4
      header[tensor.name] =
        [
          "dtype": "F32", "shape": tensor.shape, "data_offsets": [offset, offset + size],
        ] as [String: Any]
      offset += size
    }
    var json =
      (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
      ?? Data("{}".utf8)
    while json.count % 8 != 0 { json.append(0x20) }

    var data = Data()
    var length = UInt64(json.count).littleEndian
    withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
    data.append(json)
    for tensor in sorted {
      for value in tensor.values {
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
      }
    }
    return data
  }
}
