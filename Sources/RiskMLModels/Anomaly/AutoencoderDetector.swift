import Foundation
import RiskMLCore

/// A fully connected autoencoder trained to reconstruct standardised features; rows it
/// reconstructs badly are abnormal (Hawkins et al., "Outlier detection using replicator
/// neural networks", DaWaK 2002).
///
/// Features are standardised with the training mean and population standard deviation
/// (a constant feature keeps scale 1, so it is only centred). The layers are
/// d -> hidden... -> d with tanh hidden units and a linear output; the default hidden
/// sizes are [2d, max(1, d/2), 2d]. Weights start Glorot-uniform, and training minimises
/// the mean squared error with Adam (Kingma and Ba, ICLR 2015; beta1 0.9, beta2 0.999,
/// epsilon 1e-8) on mini-batches drawn by a seeded shuffle each epoch. Matrix products
/// during training go through OpenBLAS (`DenseNetworkTrainer`).
///
/// NaN policy: none accepted. - Complexity: O(epochs * n * sum of layer products).
public struct AutoencoderDetector: AnomalyDetector, Equatable, Codable {
  public var hiddenLayers: [Int]?
  public var epochs: Int
  public var batchSize: Int
  public var learningRate: Double
  public var seed: UInt64

  public init(
    hiddenLayers: [Int]? = nil, epochs: Int = 30, batchSize: Int = 64,
    learningRate: Double = 1e-3, seed: UInt64 = 0
  ) {
    self.hiddenLayers = hiddenLayers
    self.epochs = epochs
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.seed = seed
  }

  public func fit(features: Matrix) throws -> AutoencoderModel {
    guard epochs > 0, batchSize > 0, learningRate > 0 else {
      throw AnomalyError.invalidParameter("autoencoder epochs, batch size and rate must be > 0")
    }
    try FeatureCheck.validate(features, minimumRows: 2)
    let d = features.columns
    let hidden = hiddenLayers ?? [2 * d, max(1, d / 2), 2 * d]
    guard hidden.allSatisfy({ $0 > 0 }) else {
      throw AnomalyError.invalidParameter("autoencoder layer sizes must be positive")
    }
    var mean: [Double] = []
    var scale: [Double] = []
    for j in 0..<d {
      let column = features.column(j)
      let m = Summary.mean(column)
      let variance = column.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(column.count)
      mean.append(m)
      scale.append(variance > 0 ? variance.squareRoot() : 1)
    }
    var standardised = features
    for index in standardised.storage.indices {
      let j = index % d
      standardised.storage[index] = (standardised.storage[index] - mean[j]) / scale[j]
    }
    var trainer = DenseNetworkTrainer(sizes: [d] + hidden + [d], seed: seed)
    trainer.train(
      inputs: standardised, epochs: epochs, batchSize: batchSize, learningRate: learningRate)
    return AutoencoderModel(
      mean: mean, scale: scale, sizes: trainer.sizes,
      weights: trainer.weights.map(\.storage), biases: trainer.biases)
  }
}
