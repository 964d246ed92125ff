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
    let h = config.hiddenSize
    let (states, segments) = try hiddenStates(sequences)
    return segments.map { segment in
      var vector = [Float](repeating: 0, count: h)
      if pooling == .cls || segment.isEmpty {
        if !segment.isEmpty {
          let row = states.pointer + segment.lowerBound * h
          for j in 0..<h { vector[j] = row[j] }
        }
      } else {
        for token in segment {
          let row = states.pointer + token * h
          for j in 0..<h { vector[j] += row[j] }
        }
        let inverse = 1 / Float(segment.count)
        for j in 0..<h { vector[j] *= inverse }
      }
      if normalised {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let inverse = 1 / max(norm, 1e-12)
        for j in 0..<h { vector[j] *= inverse }
      }
      return vector
    }
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
