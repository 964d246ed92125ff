import Foundation

/// The classification of one text.
public struct SentimentPrediction: Sendable, Equatable {
  /// The most probable label.
  public let label: String
  /// That label's probability.
  public let score: Float
  /// Every label's probability, in the classifier's `labels` order.
  public let probabilities: [Float]
  /// The raw logits, in the same order.
  public let logits: [Float]

  /// A prediction from logits: softmax, then the arg-max label (the first on ties).
  public init(logits: [Float], labels: [String]) {
    let largest = logits.max() ?? 0
    let exponentials = logits.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    let probabilities = exponentials.map { $0 / total }
    let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
    self.logits = logits
    self.probabilities = probabilities
    self.label = labels.isEmpty ? "" : labels[best]
    self.score = probabilities.isEmpty ? 0 : probabilities[best]
  }

  /// The probability of `label` (compared case-insensitively), 0 if the model lacks it.
  public func probability(of label: String, labels: [String]) -> Float {
    guard let index = labels.firstIndex(where: { $0.lowercased() == label.lowercased() }),
      index < probabilities.count
    else { return 0 }
    return probabilities[index]
  }
}
