import Foundation
import RiskMLCore
import RiskMLModels

/// The model file `riskml anomaly fit` writes and `riskml anomaly score --model` reads:
/// the library's `AnomalyModel` JSON (see docs/anomaly-models.md) with one more key,
/// `featureMedians`, the training median of each feature for `--missing impute-median`.
///
/// The extra key sits beside the model's own keys, so `AnomalyModel.load` reads the file
/// as it is and the file stays one flat, sorted-key JSON object.
struct SavedAnomalyModel: Codable, Sendable {
  var model: AnomalyModel
  /// Per feature, in `model.featureNames` order; nil in files written by the library alone.
  var featureMedians: [Double]?

  init(model: AnomalyModel, featureMedians: [Double]?) {
    self.model = model
    self.featureMedians = featureMedians
  }

  private enum CodingKeys: String, CodingKey { case featureMedians }

  init(from decoder: any Decoder) throws {
    model = try AnomalyModel(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    featureMedians = try container.decodeIfPresent([Double].self, forKey: .featureMedians)
  }

  func encode(to encoder: any Encoder) throws {
    try model.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(featureMedians, forKey: .featureMedians)
  }

  /// Writes the file atomically (stdout for `-`).
  func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(self)
    try writeAtomically(String(decoding: data, as: UTF8.self) + "\n", to: path)
  }

  /// Reads and checks a model file.
  ///
  /// - Throws: `InputError.cannotOpen` (exit 66) when the file cannot be read;
  ///   `InputError.invalidData` (exit 65) naming the file when it is not a riskml anomaly
  ///   model of this format version, or its medians do not match its features.
  static func load(path: String) throws -> SavedAnomalyModel {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw InputError.cannotOpen(
        path: path, reason: exists ? "cannot be read" : "no such file")
    }
    do {
      let model = try AnomalyModel.load(jsonData: data)
      let medians = try JSONDecoder().decode(Medians.self, from: data).featureMedians
      if let medians, medians.count != model.featureNames.count {
        throw AnomalyError.invalidModel("featureMedians do not match the features")
      }
      return SavedAnomalyModel(model: model, featureMedians: medians)
    } catch let error as AnomalyError {
      guard case .invalidModel(let message) = error else { throw error }
      throw InputError.invalidData(
        "\(path): not a riskml anomaly model (\(reason(message, data: data))); "
          + "write one with 'riskml anomaly fit -o FILE'")
    } catch {
      throw InputError.invalidData(
        "\(path): not a riskml anomaly model (\(reason("\(error)", data: data)))")
    }
  }

  /// A short reason for a file that does not decode, without the decoder's coding path.
  private static func reason(_ message: String, data: Data) -> String {
    guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
      return "not a JSON object"
    }
    if let start = message.range(of: "Key '"),
      let end = message.range(of: "' not found", range: start.upperBound..<message.endIndex)
    {
      return "no key '\(message[start.upperBound..<end.lowerBound])'"
    }
    let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
    return firstLine.count > 120 ? String(firstLine.prefix(120)) + "..." : firstLine
  }

  private struct Medians: Decodable {
    var featureMedians: [Double]?
  }
}
