import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct AnomalyModelTests {
  static func fastOptions(_ algorithm: AnomalyAlgorithm) -> AnomalyOptions {
    var options = AnomalyOptions(algorithm: algorithm)
    options.trees = 20
    options.epochs = 3
    options.seed = 5
    return options
  }

  @Test(arguments: AnomalyAlgorithm.allCases)
  func jsonRoundTripReproducesScoresBitForBit(algorithm: AnomalyAlgorithm) throws {
    let data = AnomalyTestData.synthetic(rows: 400, columns: 3, outliers: 4)
    let names = ["a", "b", "c"]
    let (model, _) = try AnomalyModel.fit(
      features: data, featureNames: names, options: Self.fastOptions(algorithm))
    let loaded = try AnomalyModel.load(jsonData: try model.jsonData())
    #expect(loaded == model)
    let before = try model.score(rows: data)
    let after = try loaded.score(rows: data)
    #expect(before.map(\.bitPattern) == after.map(\.bitPattern))
    #expect(loaded.threshold.bitPattern == model.threshold.bitPattern)
    #expect(try loaded.jsonData() == (try model.jsonData()))
  }

  @Test(arguments: AnomalyAlgorithm.allCases)
  func everyDetectorIsBatchInvariantAndFlagsTheOutliers(algorithm: AnomalyAlgorithm) throws {
    let data = AnomalyTestData.synthetic(rows: 600, columns: 3, outliers: 6)
    var options = Self.fastOptions(algorithm)
    options.epochs = 20
    let (model, training) = try AnomalyModel.fit(
      features: data, featureNames: ["a", "b", "c"], options: options)
    let all = try model.score(rows: data, threads: 2)
    let alone = try model.score(rows: Matrix([data.row(597)]), threads: 1)
    #expect(alone == [all[597]])
    #expect(training.count == 600)
    #expect(data.rows - 6..<data.rows ~= 599)
    let flagged = (594..<600).filter { model.isAnomalous(all[$0]) }.count
    #expect(flagged == 6, "\(algorithm): \(flagged) of 6 outliers flagged")
    let top = try model.topFeatures(rows: Matrix([data.row(599)]), count: 2)
    #expect((top != nil) == algorithm.hasFeatureContributions)
  }

  @Test func thresholdIsNumpyPercentile() throws {
    let scores = [3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.6, 5.3, 5.8, 9.7]
    // numpy 2.4: np.percentile(s, 90) = 9.07, np.percentile(s, 75) = 5.675.
    #expect(
      isClose(
        try AnomalyThreshold.contamination(0.1).resolve(trainingScores: scores),
        9.07, relative: 1e-15))
    #expect(
      isClose(
        try AnomalyThreshold.contamination(0.25).resolve(trainingScores: scores),
        5.675, relative: 1e-15))
    #expect(try AnomalyThreshold.fixed(2).resolve(trainingScores: []) == 2)
    #expect(throws: AnomalyError.self) {
      try AnomalyThreshold.contamination(0.7).resolve(trainingScores: scores)
    }
  }

  @Test func jsonEncoderRoundTripsAwkwardDoubles() throws {
    var generator = SeededGenerator(seed: 99)
    var values = [
      0.1, 1.0 / 3.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -0.0,
      1e300, 2.2250738585072014e-308, .leastNormalMagnitude,
    ]
    for _ in 0..<2000 {
      let bits = generator.next()
      let value = Double(bitPattern: bits)
      if value.isFinite { values.append(value) }
    }
    let decoded = try JSONDecoder().decode(
      [Double].self, from: JSONEncoder().encode(values))
    #expect(decoded.map(\.bitPattern) == values.map(\.bitPattern))
  }

  @Test func algorithmNamesFromConfig() {
    #expect(AnomalyAlgorithm(name: "isolation_forest") == .isolationForest)
    #expect(AnomalyAlgorithm(name: "Robust-ZScore") == .robustZscore)
    #expect(AnomalyAlgorithm(name: "lof") == nil)
  }

  @Test func loadRejectsOtherVersionsAndGarbage() throws {
    let data = AnomalyTestData.synthetic(rows: 50, columns: 2)
    let (model, _) = try AnomalyModel.fit(
      features: data, featureNames: ["x", "y"], options: AnomalyOptions(algorithm: .zscore))
    var json = String(decoding: try model.jsonData(), as: UTF8.self)
    json = json.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":9")
    #expect(throws: AnomalyError.self) { try AnomalyModel.load(jsonData: Data(json.utf8)) }
    #expect(throws: AnomalyError.self) { try AnomalyModel.load(jsonData: Data("{}".utf8)) }
  }
}

@Suite struct DeterminismTests {
  @Test(arguments: [
    AnomalyAlgorithm.isolationForest, .extendedIsolationForest, .autoencoder, .ensemble,
  ])
  func sameSeedSameModelForAnyThreadCount(algorithm: AnomalyAlgorithm) throws {
    let data = AnomalyTestData.synthetic(rows: 900, columns: 4, outliers: 9)
    var options = AnomalyOptions(algorithm: algorithm)
    options.trees = 30
    options.epochs = 4
    options.seed = 17
    options.combine = .aom
    options.threads = 1
    let (one, oneScores) = try AnomalyModel.fit(
      features: data, featureNames: ["a", "b", "c", "d"], options: options)
    options.threads = 3
    let (three, threeScores) = try AnomalyModel.fit(
      features: data, featureNames: ["a", "b", "c", "d"], options: options)
    #expect(one.detector == three.detector)
    #expect(try one.jsonData() == (try three.jsonData()))
    #expect(oneScores == threeScores)
    #expect(try one.score(rows: data, threads: 1) == (try three.score(rows: data, threads: 4)))
  }

  @Test func ensembleCombinations() throws {
    let model = EnsembleModel(
      members: [], means: [0, 1, 2, 3], scales: [1, 1, 2, 1], combine: .aom,
      groups: [[0, 3], [1, 2]])
    // standardised: [1, 1, 1, 4]; groups' maxima 4 and 1.
    #expect(model.combine([1, 2, 4, 7]) == 2.5)
    let mean = EnsembleModel(
      members: [], means: [0, 0], scales: [1, 2], combine: .mean, groups: [[0, 1]])
    #expect(mean.combine([1, 4]) == 1.5)
  }
}
