import Foundation

/// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS.
///
/// Minimises `sum_i w_i (-log softmax(W x_i + b)[y_i]) / sum_i w_i + (lambda / 2) |W|^2`
/// (the bias is not penalised). L-BFGS with the two-loop recursion and a backtracking
/// Armijo line search (Nocedal and Wright, Numerical Optimization, 2nd ed., alg. 7.4/7.5).
struct LogisticRegression: Sendable {
  /// `classes x dimension`, row-major.
  var weight: [Double]
  /// One bias per class.
  var bias: [Double]
  let classes: Int
  let dimension: Int
  /// L-BFGS iterations used.
  var iterations = 0

  /// Fits on `features` (`rows x dimension`, row-major).
  ///
  /// - Complexity: O(iterations x rows x dimension x classes).
  init(
    features: [Double], labels: [Int], classes: Int, dimension: Int, penalty: Double,
    sampleWeights: [Double], maxIterations: Int = 500, tolerance: Double = 1e-6
  ) {
    self.classes = classes
    self.dimension = dimension
    let size = classes * (dimension + 1)
    let objective = { (theta: [Double]) -> (Double, [Double]) in
      Self.lossAndGradient(
        theta, features: features, labels: labels, classes: classes, dimension: dimension,
        penalty: penalty, sampleWeights: sampleWeights)
    }
    var theta = [Double](repeating: 0, count: size)
    var (loss, gradient) = objective(theta)
    var steps: [[Double]] = []
    var changes: [[Double]] = []
    let memory = 10
    var iteration = 0
    while iteration < maxIterations {
      iteration += 1
      let direction = Self.direction(gradient, steps: steps, changes: changes).map { -$0 }
      let slope = zip(direction, gradient).reduce(0) { $0 + $1.0 * $1.1 }
      guard slope < 0 else { break }
      var stepLength = iteration == 1 ? 1 / max(1, Self.norm(gradient)) : 1.0
      var candidate = theta
      var candidateLoss = loss
      var candidateGradient = gradient
      var accepted = false
      for _ in 0..<40 {
        candidate = zip(theta, direction).map { $0 + stepLength * $1 }
        (candidateLoss, candidateGradient) = objective(candidate)
        if candidateLoss <= loss + 1e-4 * stepLength * slope {
          accepted = true
          break
        }
        stepLength *= 0.5
      }
      guard accepted else { break }
      let step = zip(candidate, theta).map { $0 - $1 }
      let change = zip(candidateGradient, gradient).map { $0 - $1 }
      if zip(step, change).reduce(0, { $0 + $1.0 * $1.1 }) > 1e-12 {
        steps.append(step)
        changes.append(change)
        if steps.count > memory {
          steps.removeFirst()
          changes.removeFirst()
        }
      }
      let improvement = loss - candidateLoss
      (theta, loss, gradient) = (candidate, candidateLoss, candidateGradient)
      if Self.norm(gradient) < tolerance || improvement < tolerance * 1e-3 * max(1, abs(loss)) {
        break
      }
    }
    weight = Array(theta[0..<(classes * dimension)])
    bias = Array(theta[(classes * dimension)...])
    iterations = iteration
  }

  /// Class scores for one row.
  func logits(_ x: UnsafeBufferPointer<Double>) -> [Double] {
    (0..<classes).map { k in
      var sum = bias[k]
      for j in 0..<dimension { sum += weight[k * dimension + j] * x[j] }
      return sum
    }
  }

  /// A dot product with four independent accumulators, so the additions overlap.
  @inline(__always)
  private static func dot(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int
  ) -> Double {
    var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
    var j = 0
    while j + 4 <= count {
      s0 += a[j] * b[j]
      s1 += a[j + 1] * b[j + 1]
      s2 += a[j + 2] * b[j + 2]
      s3 += a[j + 3] * b[j + 3]
      j += 4
    }
    while j < count {
      s0 += a[j] * b[j]
      j += 1
    }
    return (s0 + s1) + (s2 + s3)
  }

  private static func norm(_ v: [Double]) -> Double {
    v.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  private static func direction(
    _ gradient: [Double], steps: [[Double]], changes: [[Double]]
  ) -> [Double] {
    var q = gradient
    var alphas = [Double](repeating: 0, count: steps.count)
    for i in stride(from: steps.count - 1, through: 0, by: -1) {
      let rho = 1 / zip(changes[i], steps[i]).reduce(0) { $0 + $1.0 * $1.1 }
      alphas[i] = rho * zip(steps[i], q).reduce(0) { $0 + $1.0 * $1.1 }
      for j in q.indices { q[j] -= alphas[i] * changes[i][j] }
    }
    if let s = steps.last, let y = changes.last {
      let scale = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 } / y.reduce(0) { $0 + $1 * $1 }
      for j in q.indices { q[j] *= scale }
    }
    for i in steps.indices {
      let rho = 1 / zip(changes[i], steps[i]).reduce(0) { $0 + $1.0 * $1.1 }
      let beta = rho * zip(changes[i], q).reduce(0) { $0 + $1.0 * $1.1 }
      for j in q.indices { q[j] += (alphas[i] - beta) * steps[i][j] }
    }
    return q
  }

  private static func lossAndGradient(
    _ theta: [Double], features: [Double], labels: [Int], classes: Int, dimension: Int,
    penalty: Double, sampleWeights: [Double]
  ) -> (Double, [Double]) {
    var gradient = [Double](repeating: 0, count: theta.count)
    var loss = 0.0
    let totalWeight = sampleWeights.reduce(0, +)
    let biasStart = classes * dimension
    var scores = [Double](repeating: 0, count: classes)
    theta.withUnsafeBufferPointer { t in
      features.withUnsafeBufferPointer { x in
        gradient.withUnsafeMutableBufferPointer { g in
          for i in labels.indices {
            let row = i * dimension
            for k in 0..<classes {
              scores[k] =
                t[biasStart + k]
                + Self.dot(t.baseAddress! + k * dimension, x.baseAddress! + row, dimension)
            }
            let largest = scores.max()!
            var total = 0.0
            for k in 0..<classes { total += exp(scores[k] - largest) }
            let logTotal = log(total) + largest
            let weight = sampleWeights[i] / totalWeight
            loss += weight * (logTotal - scores[labels[i]])
            for k in 0..<classes {
              let residual = weight * (exp(scores[k] - logTotal) - (k == labels[i] ? 1 : 0))
              g[biasStart + k] += residual
              let w = k * dimension
              for j in 0..<dimension { g[w + j] += residual * x[row + j] }
            }
          }
        }
      }
    }
    for j in 0..<biasStart {
      loss += 0.5 * penalty * theta[j] * theta[j]
      gradient[j] += penalty * theta[j]
    }
    return (loss, gradient)
  }
}
