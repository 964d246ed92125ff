import Foundation

/// The generalised extreme Studentized deviate test (Rosner, "Percentage points for a
/// generalized ESD many-outlier procedure", Technometrics 25, 1983) for `size` values
/// and at most `maxOutliers` outliers.
///
/// Step i (1-based) removes the value farthest from the mean of those left, with
/// R_i = max |x - mean| / sd (sample sd), and compares it with
/// lambda_i = (n - i) t_{p, n-i-1} / sqrt((n - i - 1 + t^2)(n - i + 1)),
/// p = 1 - alpha / (2 (n - i + 1)). The number of outliers is the largest i with
/// R_i > lambda_i. The critical values are computed once per test size.
struct GeneralizedESD: Sendable, Equatable {
  let size: Int
  let maxOutliers: Int
  /// lambda_1 ... lambda_{r+1}.
  let criticalValues: [Double]

  init(size: Int, maxOutliers: Int, alpha: Double) {
    let r = min(maxOutliers, size - 3)
    self.size = size
    self.maxOutliers = max(r, 0)
    let n = Double(size)
    criticalValues = (1...(max(r, 0) + 1)).map { step in
      let i = Double(step)
      let p = 1 - alpha / (2 * (n - i + 1))
      let t = StudentT.quantile(p, degrees: n - i - 1)
      return (n - i) * t / ((n - i - 1 + t * t) * (n - i + 1)).squareRoot()
    }
  }

  /// Runs the test on `history` plus `candidate` and reports the candidate's outcome.
  func test(_ history: [Double], candidate: Double) -> (ratio: Double, isOutlier: Bool) {
    let values = history + [candidate]
    let candidateIndex = values.count - 1
    var alive = [Bool](repeating: true, count: values.count)
    var ratios: [Double] = []
    var removedAt: Int?
    for step in 0..<maxOutliers {
      let (index, statistic) = GeneralizedESD.mostExtreme(values, alive)
      ratios.append(statistic / criticalValues[step])
      alive[index] = false
      if index == candidateIndex { removedAt = step }
    }
    guard let removedAt else {
      let (mean, sd) = GeneralizedESD.moments(values, alive)
      let deviation = abs(candidate - mean)
      let statistic = sd > 0 ? deviation / sd : (deviation == 0 ? 0 : .infinity)
      return (statistic / criticalValues[maxOutliers], false)
    }
    let ratio = ratios[removedAt...].max()!
    return (ratio, ratio > 1)
  }

  private static func mostExtreme(_ values: [Double], _ alive: [Bool]) -> (Int, Double) {
    let (mean, sd) = moments(values, alive)
    var best = -1
    var bestDeviation = -1.0
    for index in values.indices where alive[index] {
      let deviation = abs(values[index] - mean)
      if deviation > bestDeviation {
        best = index
        bestDeviation = deviation
      }
    }
    let statistic = sd > 0 ? bestDeviation / sd : (bestDeviation == 0 ? 0 : .infinity)
    return (best, statistic)
  }

  private static func moments(_ values: [Double], _ alive: [Bool]) -> (Double, Double) {
    var count = 0.0
    var sum = 0.0
    for index in values.indices where alive[index] {
      count += 1
      sum += values[index]
    }
    let mean = sum / count
    var squares = 0.0
    for index in values.indices where alive[index] {
      squares += (values[index] - mean) * (values[index] - mean)
    }
    return (mean, (squares / (count - 1)).squareRoot())
  }
}
