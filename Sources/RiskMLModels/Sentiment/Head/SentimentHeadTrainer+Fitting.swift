import Dispatch
import Foundation

extension SentimentHeadTrainer {
  /// One fitted candidate: its validation record and its weights in embedding space.
  struct FittedCandidate: Sendable {
    let candidate: SentimentHeadManifest.Candidate
    let weight: [Float]
    let bias: [Float]
  }

  /// Fits every job (pooling, normalised, balanced, penalty) in parallel.
  ///
  /// `data(pooling, normalised)` gives training features and labels, then validation ones.
  static func fitAll(
    _ jobs: [(BertEncoder.Pooling, Bool, Bool, Double)], settings: Settings,
    data: (BertEncoder.Pooling, Bool) -> ([[Float]], [Int], [[Float]], [Int])
  ) -> [FittedCandidate] {
    var prepared: [String: ([[Float]], [Int], [[Float]], [Int])] = [:]
    for (pooling, normalised, _, _) in jobs where prepared["\(pooling)\(normalised)"] == nil {
      prepared["\(pooling)\(normalised)"] = data(pooling, normalised)
    }
    let inputs = prepared
    let results = ResultSlots<FittedCandidate>(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      let (pooling, normalised, balanced, penalty) = jobs[index]
      let (x, y, validX, validY) = inputs["\(pooling)\(normalised)"]!
      results[index] = fit(
        x: x, y: y, validX: validX, validY: validY, classes: settings.labels.count,
        penalty: penalty, balanced: balanced, maxIterations: settings.maxIterations,
        pooling: pooling, normalised: normalised)
    }
    return results.values
  }

  private static func fit(
    x: [[Float]], y: [Int], validX: [[Float]], validY: [Int], classes: Int, penalty: Double,
    balanced: Bool, maxIterations: Int, pooling: BertEncoder.Pooling, normalised: Bool
  ) -> FittedCandidate {
    let d = x.first?.count ?? 0
    let n = x.count
    var mean = [Double](repeating: 0, count: d)
    var scale = [Double](repeating: 0, count: d)
    for row in x { for j in 0..<d { mean[j] += Double(row[j]) / Double(n) } }
    for row in x {
      for j in 0..<d { scale[j] += (Double(row[j]) - mean[j]) * (Double(row[j]) - mean[j]) }
    }
    scale = scale.map { max(($0 / Double(max(n - 1, 1))).squareRoot(), 1e-8) }
    var features = [Double](repeating: 0, count: n * d)
    for (i, row) in x.enumerated() {
      for j in 0..<d { features[i * d + j] = (Double(row[j]) - mean[j]) / scale[j] }
    }
    var counts = [Double](repeating: 0, count: classes)
    for label in y { counts[label] += 1 }
    let weights = y.map { balanced ? Double(n) / (Double(classes) * counts[$0]) : 1 }

    let model = LogisticRegression(
      features: features, labels: y, classes: classes, dimension: d, penalty: penalty,
      sampleWeights: weights, maxIterations: maxIterations)
    var weight = [Float](repeating: 0, count: classes * d)
    var bias = [Float](repeating: 0, count: classes)
    for k in 0..<classes {
      var shift = model.bias[k]
      for j in 0..<d {
        let w = model.weight[k * d + j] / scale[j]
        weight[k * d + j] = Float(w)
        shift -= w * mean[j]
      }
      bias[k] = Float(shift)
    }

    let predicted = validX.map { row -> Int in
      let scores = (0..<classes).map { k in
        (0..<d).reduce(Double(bias[k])) { $0 + Double(weight[k * d + $1]) * Double(row[$1]) }
      }
      return scores.indices.max { scores[$0] < scores[$1] } ?? 0
    }
    let metrics = ClassificationMetrics(predicted: predicted, actual: validY, classes: classes)
    let candidate = SentimentHeadManifest.Candidate(
      pooling: pooling.rawValue, normalised: normalised, penalty: penalty, balanced: balanced,
      accuracy: metrics.accuracy, macroF1: metrics.macroF1)
    return FittedCandidate(candidate: candidate, weight: weight, bias: bias)
  }
}
