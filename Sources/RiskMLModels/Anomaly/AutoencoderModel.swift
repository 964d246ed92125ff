import Foundation
import RiskMLCore

/// A fitted autoencoder: standardisation, then dense layers with tanh on every layer but
/// the last (linear). Layer l maps `sizes[l]` inputs to `sizes[l + 1]` outputs with
/// weights `weights[l]` (sizes[l] x sizes[l + 1], row-major) and biases `biases[l]`.
///
/// The score of a row is the mean squared reconstruction error of its standardised
/// features, (1/d) sum_j (z_j - zhat_j)^2; contributions are the squared errors.
/// Scoring runs one row at a time in plain loops (not BLAS), so a row's score is
/// bit-identical in any batch and for any thread count.
/// - Complexity: O(rows * sum of sizes[l] * sizes[l + 1]).
public struct AutoencoderModel: FittedAnomalyDetector, Equatable {
  public let mean: [Double]
  public let scale: [Double]
  public let sizes: [Int]
  public let weights: [[Double]]
  public let biases: [[Double]]

  public var featureCount: Int { mean.count }

  public func score(rows: Matrix, threads: Int) throws -> [Double] {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    try checkConsistency()
    let d = featureCount
    return ParallelRows.fill(count: rows.rows, threads: threads, blockSize: 256) { range, out in
      for row in range {
        let errors = squaredErrors(Array(rows.storage[(row * d)..<((row + 1) * d)]))
        out[row] = errors.reduce(0, +) / Double(d)
      }
    }
  }

  public func contributions(rows: Matrix) throws -> Matrix? {
    try FeatureCheck.validateForScoring(rows, expectedColumns: featureCount)
    try checkConsistency()
    var terms = Matrix(rows: rows.rows, columns: featureCount)
    for row in 0..<rows.rows {
      for (j, error) in squaredErrors(rows.row(row)).enumerated() { terms[row, j] = error }
    }
    return terms
  }

  /// (z_j - zhat_j)^2 for one raw row.
  func squaredErrors(_ raw: [Double]) -> [Double] {
    let input = (0..<raw.count).map { (raw[$0] - mean[$0]) / scale[$0] }
    let output = forward(input)
    return (0..<input.count).map { (input[$0] - output[$0]) * (input[$0] - output[$0]) }
  }

  /// The network's output for one standardised row.
  func forward(_ input: [Double]) -> [Double] {
    var activation = input
    for layer in 0..<weights.count {
      let inputs = sizes[layer]
      let outputs = sizes[layer + 1]
      var next = biases[layer]
      for i in 0..<inputs {
        let a = activation[i]
        for o in 0..<outputs { next[o] += a * weights[layer][i * outputs + o] }
      }
      if layer < weights.count - 1 {
        for o in 0..<outputs { next[o] = tanh(next[o]) }
      }
      activation = next
    }
    return activation
  }

  func checkConsistency() throws {
    let layers = weights.count
    var isConsistent = sizes.count >= 2 && sizes.first == featureCount
    isConsistent = isConsistent && sizes.last == featureCount && scale.count == featureCount
    isConsistent = isConsistent && scale.allSatisfy { $0 > 0 } && layers == sizes.count - 1
    isConsistent = isConsistent && biases.count == layers
    for layer in 0..<layers where isConsistent {
      let inputs = sizes[layer]
      let outputs = sizes[layer + 1]
      isConsistent = weights[layer].count == inputs * outputs && biases[layer].count == outputs
    }
    guard isConsistent else {
      throw AnomalyError.invalidModel("autoencoder layer sizes disagree with the weights")
    }
  }
}
