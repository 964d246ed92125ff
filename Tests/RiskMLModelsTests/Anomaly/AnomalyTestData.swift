import Foundation
import RiskMLCore

/// Loaders for the labelled anomaly sets in ../shared and the PyOD digest fixture.
enum AnomalyTestData {
  /// A labelled set: features (every column but `is_anomaly`) and labels.
  struct LabelledSet {
    let features: Matrix
    let labels: [Bool]
  }

  /// Reads ../shared/data/anomaly/NAME.csv (numeric, header row, label last).
  static func load(_ name: String) throws -> LabelledSet {
    let text = try String(
      contentsOf: SharedData.url("data/anomaly/\(name).csv"), encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).dropFirst()
    var storage: [Double] = []
    var labels: [Bool] = []
    var columns = 0
    for line in lines {
      let values = line.split(separator: ",").map { Double($0)! }
      columns = values.count - 1
      storage += values.dropLast()
      labels.append(values.last! == 1)
    }
    return LabelledSet(
      features: Matrix(rows: labels.count, columns: columns, storage: storage), labels: labels)
  }

  /// The digest written by bench/anomaly/ecod_fixture.py.
  struct Digest: Decodable {
    let n: Int
    let rows: [Int]
    let scores: [Double]
    let sum: Double
    let auc: Double
  }

  struct Fixture: Decodable {
    let pyod_version: String
    let ecod: [String: Digest]
    let copod: [String: Digest]
  }

  static func pyodFixture() throws -> Fixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/ecod_pyod_scores.json")
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  /// A seeded Gaussian matrix with a few far-away rows appended.
  static func synthetic(rows: Int, columns: Int, outliers: Int = 0, seed: UInt64 = 7) -> Matrix {
    var generator = RiskMLModelsTestGenerator(seed: seed)
    var storage: [Double] = []
    for row in 0..<rows {
      for _ in 0..<columns {
        let base = generator.gaussian()
        storage.append(row >= rows - outliers ? base + 6 : base)
      }
    }
    return Matrix(rows: rows, columns: columns, storage: storage)
  }
}

/// A test-only generator (Box-Muller over SplitMix64) independent of the library's.
struct RiskMLModelsTestGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func unit() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1.0p-53
  }

  mutating func gaussian() -> Double {
    let u = 1 - unit()
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * unit())
  }
}
