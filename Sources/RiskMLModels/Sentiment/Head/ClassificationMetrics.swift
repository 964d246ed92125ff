/// Accuracy and macro-averaged F1 of predicted class indices against true ones.
public struct ClassificationMetrics: Sendable, Equatable, Codable {
  /// Fraction of rows predicted right.
  public let accuracy: Double
  /// The unweighted mean of F1 = 2 P R / (P + R) over the classes that occur in
  /// `actual` or `predicted` (scikit-learn's `f1_score(average="macro")`).
  public let macroF1: Double
  /// Number of rows.
  public let rows: Int

  /// Metrics over `classes` classes; `predicted` and `actual` have equal length.
  public init(predicted: [Int], actual: [Int], classes: Int) {
    precondition(predicted.count == actual.count)
    var truePositives = [Int](repeating: 0, count: classes)
    var predictedCounts = [Int](repeating: 0, count: classes)
    var actualCounts = [Int](repeating: 0, count: classes)
    for (guess, truth) in zip(predicted, actual) {
      predictedCounts[guess] += 1
      actualCounts[truth] += 1
      if guess == truth { truePositives[truth] += 1 }
    }
    var scores: [Double] = []
    for k in 0..<classes where actualCounts[k] > 0 || predictedCounts[k] > 0 {
      let hits = Double(truePositives[k])
      let precision = predictedCounts[k] == 0 ? 0 : hits / Double(predictedCounts[k])
      let recall = actualCounts[k] == 0 ? 0 : hits / Double(actualCounts[k])
      scores.append(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }
    rows = predicted.count
    accuracy = rows == 0 ? 0 : Double(truePositives.reduce(0, +)) / Double(rows)
    macroF1 = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
  }
}
