import Foundation

extension BertEncoder {
  /// One vector per sequence: the mean of its token states, or the `[CLS]` state,
  /// optionally scaled to unit Euclidean length.
  ///
  /// Mean pooling over every token of the sequence (`[CLS]` and `[SEP]` included) is
  /// sentence-transformers' `Pooling(mode="mean")` with the attention mask.
  public func embeddings(
    _ sequences: [[Int]], pooling: Pooling = .mean, normalised: Bool = true
  ) throws -> [[Float]] {
    let (states, segments) = try hiddenStates(sequences)
    return segments.map {
      Self.pool(states, segment: $0, width: config.hiddenSize, pooling, normalised: normalised)
    }
  }

  /// Every pooling of every sequence from one forward pass, not normalised.
  public func pooledStates(_ sequences: [[Int]]) throws -> [Pooling: [[Float]]] {
    let (states, segments) = try hiddenStates(sequences)
    var result: [Pooling: [[Float]]] = [:]
    for pooling in Pooling.allCases {
      result[pooling] = segments.map {
        Self.pool(states, segment: $0, width: config.hiddenSize, pooling, normalised: false)
      }
    }
    return result
  }

  /// `vector` scaled to unit Euclidean length (unchanged if its length is below 1e-12).
  public static func normalise(_ vector: [Float]) -> [Float] {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let inverse = 1 / max(norm, 1e-12)
    return vector.map { $0 * inverse }
  }

  static func pool(
    _ states: FloatBuffer, segment: Range<Int>, width: Int, _ pooling: Pooling,
    normalised: Bool
  ) -> [Float] {
    var vector = [Float](repeating: 0, count: width)
    guard !segment.isEmpty else { return vector }
    switch pooling {
    case .cls:
      let row = states.pointer + segment.lowerBound * width
      for j in 0..<width { vector[j] = row[j] }
    case .mean:
      for token in segment {
        let row = states.pointer + token * width
        for j in 0..<width { vector[j] += row[j] }
      }
      let inverse = 1 / Float(segment.count)
      for j in 0..<width { vector[j] *= inverse }
    }
    return normalised ? normalise(vector) : vector
  }

  /// The logits of `BertForSequenceClassification`:
  /// `classifier(tanh(pooler(h_CLS)))`, one row per sequence.
  ///
  /// - Throws: `.unsupportedModel` if the weights have no pooler or classifier.
  public func classifierLogits(_ sequences: [[Int]]) throws -> [[Float]] {
    guard let pooler = weights.pooler, let classifier = weights.classifier else {
      throw SentimentError.unsupportedModel(reason: "the weights have no pooler and classifier")
    }
    let cls = try embeddings(sequences, pooling: .cls, normalised: false)
    return cls.map { state in
      let pooled = Self.dense(pooler, state).map { tanh($0) }
      return Self.dense(classifier, pooled)
    }
  }

  /// `weight * x + bias` for one vector, in plain loops (the pooler and classifier are
  /// a few thousand multiply-adds per sequence).
  static func dense(_ layer: DenseWeights, _ x: [Float]) -> [Float] {
    (0..<layer.outputs).map { row in
      let w = layer.weight.pointer + row * layer.inputs
      var sum = layer.bias.pointer[row]
      for j in 0..<layer.inputs { sum += w[j] * x[j] }
      return sum
    }
  }
}
