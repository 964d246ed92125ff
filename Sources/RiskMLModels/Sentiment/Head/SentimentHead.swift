import Foundation

/// A linear classification head on pooled sentence embeddings: `logits = W e + b`.
///
/// Stored as a folder: `head.safetensors` (F32 `weight` [labels x dimension] and `bias`
/// [labels]) and `manifest.json` (`SentimentHeadManifest`).
public struct SentimentHead: Sendable {
  /// The manifest: labels, pooling, base model, training record.
  public let manifest: SentimentHeadManifest
  /// `labels x dimension`, row-major.
  public let weight: [Float]
  /// One bias per label.
  public let bias: [Float]

  /// Output labels in logit order.
  public var labels: [String] { manifest.labels }
  /// Embedding width.
  public var dimension: Int { manifest.embeddingDimension }
  /// The pooling the head expects.
  public var pooling: BertEncoder.Pooling {
    BertEncoder.Pooling(rawValue: manifest.pooling) ?? .mean
  }

  /// A head from its parts; `weight` must hold `labels.count x embeddingDimension` values.
  public init(manifest: SentimentHeadManifest, weight: [Float], bias: [Float]) {
    precondition(weight.count == manifest.labels.count * manifest.embeddingDimension)
    precondition(bias.count == manifest.labels.count)
    self.manifest = manifest
    self.weight = weight
    self.bias = bias
  }

  /// Reads `manifest.json` and `head.safetensors` from `directory`.
  ///
  /// - Throws: `.missingFile` (66), `.malformedConfiguration` / `.malformedWeights` /
  ///   `.shapeMismatch` (65).
  public init(directory: URL) throws {
    let manifestURL = directory.appendingPathComponent("manifest.json")
    guard let data = try? Data(contentsOf: manifestURL) else {
      throw SentimentError.missingFile(path: manifestURL.path)
    }
    let manifest: SentimentHeadManifest
    do {
      manifest = try JSONDecoder().decode(SentimentHeadManifest.self, from: data)
    } catch {
      throw SentimentError.malformedConfiguration(
        path: manifestURL.path, reason: "not a sentiment-head manifest (\(error))")
    }
    guard manifest.format == "riskml-sentiment-head", manifest.kind == "logistic-regression",
      !manifest.labels.isEmpty, manifest.embeddingDimension > 0,
      BertEncoder.Pooling(rawValue: manifest.pooling) != nil
    else {
      throw SentimentError.malformedConfiguration(
        path: manifestURL.path, reason: "unsupported head format, kind, labels or pooling")
    }
    let file = try SafetensorsFile(url: directory.appendingPathComponent("head.safetensors"))
    let classes = manifest.labels.count
    self.init(
      manifest: manifest,
      weight: try file.tensor(named: "weight", shape: [classes, manifest.embeddingDimension]),
      bias: try file.tensor(named: "bias", shape: [classes]))
  }

  /// The logits for one pooled (and, if the manifest says so, normalised) embedding.
  public func logits(for embedding: [Float]) -> [Float] {
    let d = dimension
    return (0..<labels.count).map { row in
      var sum = bias[row]
      for j in 0..<min(d, embedding.count) { sum += weight[row * d + j] * embedding[j] }
      return sum
    }
  }

  /// Writes `head.safetensors` and `manifest.json` into `directory`, creating it; each file
  /// is written atomically.
  ///
  /// - Throws: `.cannotWrite` (73).
  public func write(to directory: URL) throws {
    let tensors: [(name: String, shape: [Int], values: [Float])] = [
      ("weight", [labels.count, dimension], weight), ("bias", [labels.count], bias),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try SafetensorsWriter.encode(tensors, metadata: ["format": "riskml-sentiment-head"])
        .write(to: directory.appendingPathComponent("head.safetensors"), options: .atomic)
      var json = try encoder.encode(manifest)
      json.append(0x0A)
      try json.write(to: directory.appendingPathComponent("manifest.json"), options: .atomic)
    } catch {
      throw SentimentError.cannotWrite(path: directory.path, reason: "\(error)")
    }
  }
}
