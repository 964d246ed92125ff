import Foundation
import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct IsolationForestTests {
  @Test func averagePathLengthMatchesScikitLearn() {
    #expect(averagePathLength(0) == 0)
    #expect(averagePathLength(1) == 0)
    #expect(averagePathLength(2) == 1)
    // scikit-learn 1.9.1 _average_path_length: 1.2073923582...(3), 3.7488804844...(10).
    #expect(isClose(averagePathLength(3), 1.2073923582, relative: 0, absolute: 1e-9))
    #expect(isClose(averagePathLength(256), 10.244770920119917, relative: 0, absolute: 1e-12))
    let exact = 2 * (log(255.0) + 0.5772156649015329) - 2 * 255.0 / 256.0
    #expect(averagePathLength(256) == exact)
  }

  @Test func outliersScoreHigher() throws {
    let data = AnomalyTestData.synthetic(rows: 500, columns: 4, outliers: 5)
    let model = try IsolationForestDetector(trees: 50, seed: 3).fit(features: data)
    let scores = try model.score(rows: data)
    let inlierMax = scores[0..<495].sorted()[490]
    #expect(scores[495...].allSatisfy { $0 > inlierMax })
    #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
  }

  @Test func sameSeedSameModelWhateverTheThreadCount() throws {
    let data = AnomalyTestData.synthetic(rows: 3000, columns: 3, outliers: 10)
    let one = try IsolationForestDetector(trees: 40, seed: 11, threads: 1).fit(features: data)
    let four = try IsolationForestDetector(trees: 40, seed: 11, threads: 4).fit(features: data)
    #expect(one == four)
    #expect(try one.score(rows: data, threads: 1) == four.score(rows: data, threads: 3))
    let other = try IsolationForestDetector(trees: 40, seed: 12).fit(features: data)
    #expect(other != one)
  }

  @Test func scoresAreBatchInvariant() throws {
    let data = AnomalyTestData.synthetic(rows: 5000, columns: 3, outliers: 10)
    let model = try IsolationForestDetector(trees: 30, seed: 1).fit(features: data)
    let all = try model.score(rows: data, threads: 2)
    for row in [0, 2047, 2048, 4999] {
      let alone = try model.score(rows: Matrix([data.row(row)]), threads: 1)
      #expect(alone == [all[row]])
    }
  }

  @Test func depthLimitAndSampleSize() throws {
    let data = AnomalyTestData.synthetic(rows: 100, columns: 2)
    let model = try IsolationForestDetector(trees: 5, maxSamples: 256, seed: 1).fit(features: data)
    #expect(model.samplesPerTree == 100)
    // A leaf's value is depth + c(size) and depth <= ceil(log2 100) = 7.
    for node in model.feature.indices where model.feature[node] < 0 {
      #expect(model.value[node] <= 7 + averagePathLength(100))
    }
  }

  @Test(
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage),
    arguments: ["cardio", "thyroid"])
  func rocAUCWithinScikitLearnReference(name: String) throws {
    let set = try AnomalyTestData.load(name)
    let reference =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: SharedData.url("reference/anomaly_auc.json"))) as! [String: Any]
    let expected = (reference[name] as! [String: Any])["sklearn_iforest_auc_mean"] as! Double
    var total = 0.0
    for seed in 0..<5 {
      let model = try IsolationForestDetector(seed: UInt64(seed)).fit(features: set.features)
      total += rocAUC(scores: try model.score(rows: set.features), labels: set.labels)!
    }
    let mean = total / 5
    #expect(abs(mean - expected) <= 0.02, "riskml \(mean), scikit-learn \(expected)")
  }
}

@Suite struct CompleteForestTests {
  @Test func completeLayoutGivesTheStoredLayoutsPathLengths() throws {
    let data = AnomalyTestData.synthetic(rows: 700, columns: 3, outliers: 7)
    let model = try IsolationForestDetector(trees: 25, maxSamples: 300, seed: 4)
      .fit(features: data)
    let complete = try #require(CompleteForest(model))
    #expect(complete.depth == 9)
    var fast = [Double](repeating: 0, count: data.rows)
    var plain = [Double](repeating: 0, count: data.rows)
    data.storage.withUnsafeBufferPointer { x in
      fast.withUnsafeMutableBufferPointer { output in
        complete.accumulate(rows: x, columns: 3, range: 0..<data.rows, into: output)
      }
      plain.withUnsafeMutableBufferPointer { output in
        model.accumulateSparse(rows: x, columns: 3, range: 0..<data.rows, into: output)
      }
    }
    #expect(fast.map(\.bitPattern) == plain.map(\.bitPattern))
  }

  @Test func deepForestsFallBackToTheStoredLayout() throws {
    let data = AnomalyTestData.synthetic(rows: 5000, columns: 2)
    let model = try IsolationForestDetector(trees: 3, maxSamples: 5000, seed: 4)
      .fit(features: data)
    #expect(CompleteForest(model) == nil)
    #expect(try model.score(rows: data).allSatisfy { $0 > 0 && $0 <= 1 })
  }
}
