import Foundation

/// A BERT encoder (transformers' `BertModel`), with the pooler and classifier of
/// `BertForSequenceClassification` when the weights have them.
///
/// Sequences are packed as consecutive rows (no padding): the dense layers run as one
/// `tokens x hidden` product per weight, attention runs per sequence and head, so a
/// sentence's result does not depend on the other sentences of its batch.
///
/// Per layer (Devlin et al., 2019; transformers `modeling_bert.py`):
/// `a = LayerNorm(x + Attention(x) W_o + b_o)`,
/// `x' = LayerNorm(a + GELU(a W_i + b_i) W_2 + b_2)`.
public struct BertEncoder: Sendable {
  /// How token states become one vector per sequence.
  public enum Pooling: String, Sendable, CaseIterable {
    /// The mean of every token's last hidden state (sentence-transformers' default).
    case mean
    /// The last hidden state of `[CLS]`.
    case cls
  }

  /// The configuration read from config.json.
  public let config: BertConfig
  /// The arithmetic backend.
  public let backend: any TensorBackend
  let weights: BertWeights

  /// Loads `config.json` and `model.safetensors` from a model folder.
  ///
  /// - Throws: `SentimentError` (65 for malformed files, 66 for missing ones).
  public init(folder: URL, backend: any TensorBackend) throws {
    let config = try BertConfig(url: folder.appendingPathComponent("config.json"))
    guard config.hiddenActivation == "gelu" else {
      throw SentimentError.unsupportedModel(
        reason: "hidden_act \(config.hiddenActivation); only exact gelu is implemented")
    }
    let file = try SafetensorsFile(url: folder.appendingPathComponent("model.safetensors"))
    self.config = config
    self.backend = backend
    self.weights = try BertWeights(file: file, config: config)
  }

  /// Whether the weights include `classifier.*` (a sequence-classification model).
  public var hasClassifier: Bool { weights.classifier != nil && weights.pooler != nil }

  /// Number of classifier outputs, 0 without a classifier.
  public var classifierOutputs: Int { weights.classifier?.outputs ?? 0 }

  /// The last hidden states of packed sequences: `tokens x hidden`, and each sequence's rows.
  ///
  /// - Throws: `.unsupportedModel` if an id is outside the vocabulary or a sequence is
  ///   longer than `max_position_embeddings`.
  func hiddenStates(_ sequences: [[Int]]) throws -> (FloatBuffer, [Range<Int>]) {
    let h = config.hiddenSize
    var segments: [Range<Int>] = []
    var start = 0
    for ids in sequences {
      guard ids.count <= config.maxPositions else {
        throw SentimentError.unsupportedModel(
          reason: "sequence of \(ids.count) tokens exceeds \(config.maxPositions) positions")
      }
      guard ids.allSatisfy({ $0 >= 0 && $0 < config.vocabularySize }) else {
        throw SentimentError.unsupportedModel(reason: "token id outside the vocabulary")
      }
      segments.append(start..<(start + ids.count))
      start += ids.count
    }
    let tokens = start
    let x = FloatBuffer(count: tokens * h)
    embed(sequences, into: x.pointer)
    guard tokens > 0 else { return (x, segments) }

    let qkv = FloatBuffer(count: tokens * 3 * h)
    let context = FloatBuffer(count: tokens * h)
    let middle = FloatBuffer(count: tokens * h)
    let inner = FloatBuffer(count: tokens * config.intermediateSize)
    for layer in weights.layers {
      run(
        layer, x: x.pointer, tokens: tokens, segments: segments, qkv: qkv.pointer,
        context: context.pointer, middle: middle.pointer, inner: inner.pointer)
    }
    return (x, segments)
  }

  private func embed(_ sequences: [[Int]], into x: UnsafeMutablePointer<Float>) {
    let h = config.hiddenSize
    var row = 0
    for ids in sequences {
      for (position, id) in ids.enumerated() {
        let out = x + row * h
        let word = weights.wordEmbeddings.pointer + id * h
        let place = weights.positionEmbeddings.pointer + position * h
        let type = weights.typeEmbeddings.pointer
        for j in 0..<h { out[j] = word[j] + place[j] + type[j] }
        row += 1
      }
    }
    backend.layerNorm(
      x, rows: row, columns: h, gamma: weights.embeddingNormGamma.pointer,
      beta: weights.embeddingNormBeta.pointer, epsilon: config.layerNormEpsilon)
  }

  private func run(
    _ layer: BertLayerWeights, x: UnsafeMutablePointer<Float>, tokens: Int,
    segments: [Range<Int>], qkv: UnsafeMutablePointer<Float>,
    context: UnsafeMutablePointer<Float>, middle: UnsafeMutablePointer<Float>,
    inner: UnsafeMutablePointer<Float>
  ) {
    let h = config.hiddenSize
    let epsilon = config.layerNormEpsilon
    backend.linear(
      input: x, rows: tokens, inputSize: h, weight: layer.qkvWeight.pointer,
      bias: layer.qkvBias.pointer, outputSize: 3 * h, residual: nil, applyGELU: false,
      output: qkv)
    backend.attention(
      qkv: qkv, segments: segments, headCount: config.headCount, headSize: config.headSize,
      output: context)

    backend.linear(
      input: context, rows: tokens, inputSize: h, weight: layer.attentionOutputWeight.pointer,
      bias: layer.attentionOutputBias.pointer, outputSize: h, residual: x, applyGELU: false,
      output: middle)
    backend.layerNorm(
      middle, rows: tokens, columns: h, gamma: layer.attentionNormGamma.pointer,
      beta: layer.attentionNormBeta.pointer, epsilon: epsilon)

    backend.linear(
      input: middle, rows: tokens, inputSize: h, weight: layer.intermediateWeight.pointer,
      bias: layer.intermediateBias.pointer, outputSize: config.intermediateSize,
      residual: nil, applyGELU: true, output: inner)
    backend.linear(
      input: inner, rows: tokens, inputSize: config.intermediateSize,
      weight: layer.outputWeight.pointer, bias: layer.outputBias.pointer, outputSize: h,
      residual: middle, applyGELU: false, output: x)
    backend.layerNorm(
      x, rows: tokens, columns: h, gamma: layer.outputNormGamma.pointer,
      beta: layer.outputNormBeta.pointer, epsilon: epsilon)
  }
}
