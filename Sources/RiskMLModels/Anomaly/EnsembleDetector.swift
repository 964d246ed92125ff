import RiskMLCore

/// Several detectors fitted on the same rows, their scores standardised with each
/// member's training mean and population standard deviation (1 when it is 0) and
/// combined by `mean`, `max` or `aom` (Aggarwal and Sathe, "Theoretical foundations and
/// algorithms for outlier ensembles", SIGKDD Explorations 2015).
///
/// For `aom` the members are shuffled with the seed and dealt round-robin into
/// ceil(k / 2) groups; the score is the mean over groups of the group's largest
/// standardised score. Members use the ensemble's options (trees, seed, ...).
///
/// NaN policy: none accepted. A member that cannot be fitted (a constant feature for
/// z-score) fails the ensemble. - Complexity: the sum of the members'.
public struct EnsembleDetector: AnomalyDetector, Equatable {
  public var options: AnomalyOptions

  public init(options: AnomalyOptions) {
    self.options = options
  }

  public func fit(features: Matrix) throws -> EnsembleModel {
    try fitAndScore(features: features, threads: options.threads).model
  }

  public func fitAndScore(
    features: Matrix, threads: Int
  ) throws -> (model: EnsembleModel, scores: [Double]) {
    let members = options.ensembleMembers
    guard !members.isEmpty, !members.contains(.ensemble) else {
      throw AnomalyError.invalidParameter("an ensemble needs members, none an ensemble")
    }
    var fitted: [FittedDetector] = []
    var memberScores: [[Double]] = []
    for algorithm in members {
      let (detector, scores) = try FittedDetector.fit(
        features, options: options, algorithm: algorithm)
      fitted.append(detector)
      memberScores.append(scores)
    }
    let means = memberScores.map { Summary.mean($0) }
    let scales = memberScores.indices.map { k in
      let m = means[k]
      let variance =
        memberScores[k].reduce(0) { $0 + ($1 - m) * ($1 - m) }
        / Double(memberScores[k].count)
      return variance > 0 ? variance.squareRoot() : 1
    }
    var generator = SeededGenerator(seed: options.seed, stream: 0xE5)
    var order = Array(members.indices)
    for i in stride(from: order.count - 1, to: 0, by: -1) {
      order.swapAt(i, generator.nextInt(below: i + 1))
    }
    let groupCount = (members.count + 1) / 2
    var groups = [[Int]](repeating: [], count: groupCount)
    for (position, member) in order.enumerated() { groups[position % groupCount].append(member) }
    let model = EnsembleModel(
      members: fitted, means: means, scales: scales, combine: options.combine, groups: groups)
    let scores = (0..<features.rows).map { row in
      model.combine(memberScores.indices.map { memberScores[$0][row] })
    }
    return (model, scores)
  }
}
