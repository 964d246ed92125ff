/// The parameters of one encoder layer, in PyTorch's `[out, in]` layout.
struct BertLayerWeights: Sendable {
  /// Query, key and value projections stacked: `3H x H`, and their biases.
  let qkvWeight: FloatBuffer
  let qkvBias: FloatBuffer
  let attentionOutputWeight: FloatBuffer
  let attentionOutputBias: FloatBuffer
  let attentionNormGamma: FloatBuffer
  let attentionNormBeta: FloatBuffer
  let intermediateWeight: FloatBuffer
  let intermediateBias: FloatBuffer
  let outputWeight: FloatBuffer
  let outputBias: FloatBuffer
  let outputNormGamma: FloatBuffer
  let outputNormBeta: FloatBuffer
}

/// A dense layer: `weight` is `outputs x inputs`.
struct DenseWeights: Sendable {
  let weight: FloatBuffer
  let bias: FloatBuffer
  let inputs: Int
  let outputs: Int
}

/// Every parameter of a BERT encoder, with the optional pooler and classifier.
///
/// Tensor names follow transformers' `BertModel` (`embeddings.word_embeddings.weight`,
/// `encoder.layer.0.attention.self.query.weight`, ...), with or without the `bert.`
/// prefix that `BertForSequenceClassification` adds; `classifier.*` has no prefix.
struct BertWeights: Sendable {
  let wordEmbeddings: FloatBuffer
  let positionEmbeddings: FloatBuffer
  let typeEmbeddings: FloatBuffer
  let embeddingNormGamma: FloatBuffer
  let embeddingNormBeta: FloatBuffer
  let layers: [BertLayerWeights]
  /// `pooler.dense`, absent in some sentence-embedding exports.
  let pooler: DenseWeights?
  /// `classifier`, present in `BertForSequenceClassification`.
  let classifier: DenseWeights?

  /// Reads and shape-checks every tensor the configuration implies.
  init(file: SafetensorsFile, config: BertConfig) throws {
    let h = config.hiddenSize
    func load(_ name: String, _ shape: [Int]) throws -> FloatBuffer {
      guard let found = file.firstName(among: [name, "bert." + name]) else {
        throw SentimentError.missingTensor(path: file.path, name: name)
      }
      return FloatBuffer(try file.tensor(named: found, shape: shape))
    }
    func has(_ name: String) -> Bool {
      file.firstName(among: [name, "bert." + name]) != nil
    }
    func dense(_ prefix: String, inputs: Int, outputs: Int) throws -> DenseWeights {
      DenseWeights(
        weight: try load(prefix + ".weight", [outputs, inputs]),
        bias: try load(prefix + ".bias", [outputs]), inputs: inputs, outputs: outputs)
    }

    wordEmbeddings = try load("embeddings.word_embeddings.weight", [config.vocabularySize, h])
    positionEmbeddings = try load(
      "embeddings.position_embeddings.weight", [config.maxPositions, h])
    typeEmbeddings = try load(
      "embeddings.token_type_embeddings.weight", [config.typeVocabularySize, h])
    embeddingNormGamma = try load("embeddings.LayerNorm.weight", [h])
    embeddingNormBeta = try load("embeddings.LayerNorm.bias", [h])
    layers = try (0..<config.layerCount).map { index in
      try Self.layer(index, config: config, load: load)
    }
    pooler =
      has("pooler.dense.weight")
      ? try dense("pooler.dense", inputs: h, outputs: h) : nil
    if let name = file.firstName(among: ["classifier.weight", "bert.classifier.weight"]),
      let outputs = file.entries[name]?.shape.first, outputs > 0
    {
      classifier = try dense("classifier", inputs: h, outputs: outputs)
    } else {
      classifier = nil
    }
  }

  private static func layer(
    _ index: Int, config: BertConfig, load: (String, [Int]) throws -> FloatBuffer
  ) throws -> BertLayerWeights {
    let h = config.hiddenSize
    let i = config.intermediateSize
    let prefix = "encoder.layer.\(index)."
    let parts = ["query", "key", "value"]
    let qkv = try parts.map { try load(prefix + "attention.self.\($0).weight", [h, h]).array }
    let qkvBias = try parts.map { try load(prefix + "attention.self.\($0).bias", [h]).array }
    return BertLayerWeights(
      qkvWeight: FloatBuffer(qkv.flatMap { $0 }),
      qkvBias: FloatBuffer(qkvBias.flatMap { $0 }),
      attentionOutputWeight: try load(prefix + "attention.output.dense.weight", [h, h]),
      attentionOutputBias: try load(prefix + "attention.output.dense.bias", [h]),
      attentionNormGamma: try load(prefix + "attention.output.LayerNorm.weight", [h]),
      attentionNormBeta: try load(prefix + "attention.output.LayerNorm.bias", [h]),
      intermediateWeight: try load(prefix + "intermediate.dense.weight", [i, h]),
      intermediateBias: try load(prefix + "intermediate.dense.bias", [i]),
      outputWeight: try load(prefix + "output.dense.weight", [h, i]),
      outputBias: try load(prefix + "output.dense.bias", [h]),
      outputNormGamma: try load(prefix + "output.LayerNorm.weight", [h]),
      outputNormBeta: try load(prefix + "output.LayerNorm.bias", [h]))
  }
}
