import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct BadInputTests {
  static let good = Matrix([[1, 2], [2, 3], [3, 5], [4, 4]])

  @Test(arguments: AnomalyAlgorithm.allCases)
  func emptyInputIsRejected(algorithm: AnomalyAlgorithm) {
    #expect(throws: AnomalyError.emptyInput) {
      _ = try AnomalyModel.fit(
        features: Matrix(rows: 0, columns: 2), featureNames: ["a", "b"],
        options: AnomalyOptions(algorithm: algorithm))
    }
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity], AnomalyAlgorithm.allCases)
  func nonFiniteValuesNameTheirCell(value: Double, algorithm: AnomalyAlgorithm) {
    var data = Self.good
    data[2, 1] = value
    #expect {
      _ = try AnomalyModel.fit(
        features: data, featureNames: ["a", "b"], options: AnomalyOptions(algorithm: algorithm))
    } throws: { error in
      guard case let .nonFinite(row, feature, _) = error as? AnomalyError else { return false }
      return row == 2 && feature == 1 && (error as! AnomalyError).exitCode == .dataError
    }
  }

  @Test func scoringRejectsNaNAndWrongWidth() throws {
    let model = try IsolationForestDetector(trees: 5).fit(features: Self.good)
    #expect(throws: AnomalyError.nonFinite(row: 0, feature: 0, value: .infinity)) {
      try model.score(rows: Matrix([[.infinity, 1]]))
    }
    #expect(throws: AnomalyError.featureCountMismatch(expected: 2, got: 3)) {
      try model.score(rows: Matrix([[1, 1, 1]]))
    }
  }

  @Test(arguments: [AnomalyAlgorithm.zscore, .robustZscore, .iqr])
  func constantFeatureIsNamedForScaledDetectors(algorithm: AnomalyAlgorithm) {
    let data = Matrix([[1, 7], [2, 7], [3, 7]])
    #expect(throws: AnomalyError.constantFeature(feature: 1, name: "volume")) {
      _ = try AnomalyModel.fit(
        features: data, featureNames: ["ret", "volume"],
        options: AnomalyOptions(algorithm: algorithm))
    }
  }

  @Test(arguments: [AnomalyAlgorithm.ecod, .copod, .hbos, .isolationForest, .autoencoder])
  func constantFeatureIsHarmlessForTheOthers(algorithm: AnomalyAlgorithm) throws {
    let data = Matrix([[1, 7], [2, 7], [3, 7], [9, 7]])
    var options = AnomalyOptions(algorithm: algorithm)
    options.epochs = 2
    let (model, scores) = try AnomalyModel.fit(
      features: data, featureNames: ["ret", "volume"], options: options)
    #expect(scores.allSatisfy { $0.isFinite })
    #expect(try model.score(rows: data).allSatisfy { $0.isFinite })
  }

  @Test func tooFewRowsAndBadOptions() {
    #expect(throws: AnomalyError.tooFewRows(needed: 2, got: 1)) {
      _ = try IsolationForestDetector().fit(features: Matrix([[1, 2]]))
    }
    #expect(throws: AnomalyError.self) {
      _ = try IsolationForestDetector(trees: 0).fit(features: Self.good)
    }
    #expect(AnomalyError.invalidParameter("x").exitCode == .usage)
  }
}
