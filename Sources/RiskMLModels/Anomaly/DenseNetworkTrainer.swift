import COpenBLAS
import Foundation
import RiskMLCore

// FIXME: OpenBLAS may split large products across its own threads and so change the
// summation order; weights are reproducible for a fixed OPENBLAS_NUM_THREADS, and scoring
// (plain loops) never depends on it, but a different BLAS thread count can change weights.
/// Trains a dense tanh network to reproduce its input, with Adam and OpenBLAS products.
///
/// The only file of the anomaly models that calls BLAS directly (for transposed
/// products, which `Matrix.multiplied` does not offer).
struct DenseNetworkTrainer {
  let sizes: [Int]
  private(set) var weights: [Matrix]
  private(set) var biases: [[Double]]
  private var generator: SeededGenerator

  init(sizes: [Int], seed: UInt64) {
    self.sizes = sizes
    generator = SeededGenerator(seed: seed, stream: 0xAE)
    weights = []
    biases = []
    for layer in 0..<(sizes.count - 1) {
      let limit = (6.0 / Double(sizes[layer] + sizes[layer + 1])).squareRoot()
      var weight = Matrix(rows: sizes[layer], columns: sizes[layer + 1])
      for index in weight.storage.indices {
        weight.storage[index] = generator.nextDouble(in: -limit, limit)
      }
      weights.append(weight)
      biases.append([Double](repeating: 0, count: sizes[layer + 1]))
    }
  }

  /// Runs `epochs` passes of mini-batch Adam on the mean squared reconstruction error.
  mutating func train(inputs: Matrix, epochs: Int, batchSize: Int, learningRate: Double) {
    var adam = AdamState(weights: weights, biases: biases)
    var order = Array(0..<inputs.rows)
    for _ in 0..<epochs {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, generator.nextInt(below: i + 1))
      }
      for start in stride(from: 0, to: order.count, by: batchSize) {
        let batchRows = Array(order[start..<min(start + batchSize, order.count)])
        var batch = Matrix(rows: batchRows.count, columns: inputs.columns)
        for (position, row) in batchRows.enumerated() {
          for j in 0..<inputs.columns { batch[position, j] = inputs[row, j] }
        }
        let (weightGradients, biasGradients) = gradients(batch)
        adam.step(
          weights: &weights, biases: &biases, weightGradients: weightGradients,
          biasGradients: biasGradients, learningRate: learningRate)
      }
    }
  }

  /// Gradients of (1 / (B d)) sum (output - input)^2 by backpropagation.
  private func gradients(_ batch: Matrix) -> (weights: [Matrix], biases: [[Double]]) {
    var activations = [batch]
    for layer in 0..<weights.count {
      var z = activations[layer].multiplied(by: weights[layer])
      for index in z.storage.indices {
        let value = z.storage[index] + biases[layer][index % z.columns]
        z.storage[index] = layer < weights.count - 1 ? tanh(value) : value
      }
      activations.append(z)
    }
    let output = activations[activations.count - 1]
    var delta = output
    let factor = 2 / Double(batch.rows * batch.columns)
    for index in delta.storage.indices {
      delta.storage[index] = factor * (output.storage[index] - batch.storage[index])
    }
    var weightGradients = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: weights.count)
    var biasGradients = [[Double]](repeating: [], count: weights.count)
    for layer in stride(from: weights.count - 1, through: 0, by: -1) {
      weightGradients[layer] = DenseNetworkTrainer.product(
        activations[layer], transposed: true, delta, transposed: false)
      var biasGradient = [Double](repeating: 0, count: delta.columns)
      for index in delta.storage.indices {
        biasGradient[index % delta.columns] += delta.storage[index]
      }
      biasGradients[layer] = biasGradient
      guard layer > 0 else { break }
      var previous = DenseNetworkTrainer.product(
        delta, transposed: false, weights[layer], transposed: true)
      let activation = activations[layer]
      for index in previous.storage.indices {
        let a = activation.storage[index]
        previous.storage[index] *= 1 - a * a
      }
      delta = previous
    }
    return (weightGradients, biasGradients)
  }

  /// op(a) * op(b) with `cblas_dgemm`, op being the transpose where asked.
  static func product(
    _ a: Matrix, transposed transposeA: Bool, _ b: Matrix, transposed transposeB: Bool
  ) -> Matrix {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let n = transposeB ? b.rows : b.columns
    var result = Matrix(rows: m, columns: n)
    guard m > 0, n > 0, k > 0 else { return result }
    cblas_dgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
      a.storage, Int32(a.columns), b.storage, Int32(b.columns), 0, &result.storage, Int32(n))
    return result
  }
}

/// Adam's first and second moment estimates for every weight and bias.
private struct AdamState {
  var step = 0
  var weightMoments: [(m: [Double], v: [Double])]
  var biasMoments: [(m: [Double], v: [Double])]

  init(weights: [Matrix], biases: [[Double]]) {
    weightMoments = weights.map {
      (
        Array(repeating: 0, count: $0.storage.count),
        Array(repeating: 0, count: $0.storage.count)
      )
    }
    biasMoments = biases.map {
      (
        Array(repeating: 0, count: $0.count),
        Array(repeating: 0, count: $0.count)
      )
    }
  }

  mutating func step(
    weights: inout [Matrix], biases: inout [[Double]], weightGradients: [Matrix],
    biasGradients: [[Double]], learningRate: Double
  ) {
    step += 1
    let correction1 = 1 - pow(0.9, Double(step))
    let correction2 = 1 - pow(0.999, Double(step))
    for layer in weights.indices {
      AdamState.update(
        &weights[layer].storage, weightGradients[layer].storage, &weightMoments[layer],
        learningRate, correction1, correction2)
      AdamState.update(
        &biases[layer], biasGradients[layer], &biasMoments[layer], learningRate,
        correction1, correction2)
    }
  }

  private static func update(
    _ parameters: inout [Double], _ gradient: [Double],
    _ moments: inout (m: [Double], v: [Double]),
    _ rate: Double, _ correction1: Double, _ correction2: Double
  ) {
    for i in parameters.indices {
      moments.m[i] = 0.9 * moments.m[i] + 0.1 * gradient[i]
      moments.v[i] = 0.999 * moments.v[i] + 0.001 * gradient[i] * gradient[i]
      let mHat = moments.m[i] / correction1
      let vHat = moments.v[i] / correction2
      parameters[i] -= rate * mHat / (vHat.squareRoot() + 1e-8)
    }
  }
}
