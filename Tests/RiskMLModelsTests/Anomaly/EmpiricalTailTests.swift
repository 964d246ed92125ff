import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct EmpiricalTailTests {
  @Test(
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage),
    arguments: ["cardio", "thyroid"], [EmpiricalTailRule.ecod, .copod])
  func trainingScoresMatchPyOD(name: String, rule: EmpiricalTailRule) throws {
    let set = try AnomalyTestData.load(name)
    let fixture = try AnomalyTestData.pyodFixture()
    let digest = try #require((rule == .ecod ? fixture.ecod : fixture.copod)[name])
    let detector = EmpiricalTailDetector(rule: rule)
    let (_, scores) = try detector.fitAndScore(features: set.features, threads: 2)

    #expect(scores.count == digest.n)
    for (row, expected) in zip(digest.rows, digest.scores) {
      #expect(abs(scores[row] - expected) <= 1e-6, "row \(row)")
    }
    #expect(isClose(scores.reduce(0, +), digest.sum, relative: 1e-9))
    #expect(abs(rocAUC(scores: scores, labels: set.labels)! - digest.auc) <= 1e-9)
  }

  @Test func newRowsScoreAgainstTrainingPlusThemselves() throws {
    let data = Matrix([[1, 5], [2, 5], [3, 5], [4, 5]])
    let model = try EmpiricalTailDetector.ecod.fit(features: data)
    // x = 10: left F = 5/5, right F = 1/5; the constant feature matches, both tails 1.
    let score = try model.score(rows: Matrix([[10, 5]]))
    #expect(isClose(score[0], log(5.0), relative: 1e-15))
    let top = try model.topFeatures(rows: Matrix([[10, 5], [2, 9]]), count: 1)
    #expect(top == [[0], [1]])
  }

  @Test func scoresAreBatchInvariant() throws {
    let data = AnomalyTestData.synthetic(rows: 3000, columns: 4, outliers: 5)
    let model = try EmpiricalTailDetector.copod.fit(features: data)
    let all = try model.score(rows: data, threads: 2)
    for row in [0, 1, 63, 64, 65, 1500, 2998, 2999] {
      #expect(try model.score(rows: Matrix([data.row(row)]), threads: 1) == [all[row]])
    }
    // Values between, below and above the training values, and exact ties.
    var probeValues: [Double] = []
    for index in 0..<4800 {
      let synthetic = Double(index % 97) / 8.0 - 6.0
      probeValues.append(index % 3 == 0 ? data.storage[index] : synthetic)
    }
    let probes = Matrix(rows: 1200, columns: 4, storage: probeValues)
    let indexed = try model.score(rows: probes, threads: 2)
    for row in stride(from: 0, to: 1200, by: 7) {
      #expect(try model.score(rows: Matrix([probes.row(row)]), threads: 1) == [indexed[row]])
    }
  }
}
