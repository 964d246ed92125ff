import Testing

@testable import RiskMLCore
@testable import RiskMLModels

@Suite struct CorrelationEdgeCaseTests {
  static let names = ["A", "B", "C"]

  @Test(arguments: [CorrelationMethod.pearson, .spearman, .kendall])
  func constantColumnGivesNaNNeverInfinity(method: CorrelationMethod) throws {
    let x = Matrix([[0.1, 1, 3], [0.1, 2, 1], [0.1, 3, 2], [0.1, 4, 5]])
    let estimate = try CorrelationEstimator(method: method).estimate(x, assets: Self.names)
    for j in 0..<3 { #expect(estimate.matrix[0, j].isNaN) }
    #expect(!estimate.matrix.storage.contains { $0.isInfinite })
    #expect(estimate.matrix[1, 1] == 1)
    let records = estimate.pairRecords()
    #expect(records.first?["value"] == .null)
  }

  @Test(arguments: [
    (Matrix(rows: 1, columns: 3, repeating: 0.1), "one row"),
    (Matrix(rows: 3, columns: 3, repeating: .nan), "all NaN"),
    (Matrix([[0.1, .nan, 0.2], [0.2, 0.1, .nan], [.nan, 0.1, 0.3]]), "no complete row"),
  ])
  func tooFewObservationsThrowDataError(x: Matrix, label: String) {
    #expect(throws: CorrelationError.self, "\(label)") {
      try CorrelationEstimator(method: .pearson).estimate(x, assets: Self.names)
    }
    let error = CorrelationError.tooFewObservations(available: 0, needed: 2)
    #expect(error.exitCode == .dataError)
  }

  @Test func pairwiseOnAllNaNThrows() {
    let x = Matrix(rows: 4, columns: 3, repeating: .nan)
    #expect(throws: CorrelationError.tooFewObservations(available: 0, needed: 2)) {
      try CorrelationEstimator(method: .pearson, missing: .pairwise)
        .estimate(x, assets: Self.names)
    }
  }

  @Test func spearmanAverageRanksForTies() {
    #expect(RankCorrelation.averageRanks([3, 1, 3, 2, 3]) == [4, 1, 4, 2, 4])
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
    let rho = RankCorrelation.spearman([1, 2, 2, 3], [1, 3, 2, 4])
    #expect(isClose(rho, 0.9486832980505138, relative: 1e-12))
  }

  @Test(arguments: [
    // (x, y, tau-b) worked by hand from the definition.
    ([1.0, 2, 3, 4], [1.0, 2, 3, 4], 1.0),
    ([1.0, 2, 3, 4], [4.0, 3, 2, 1], -1.0),
    ([1.0, 2, 2, 3], [1.0, 3, 2, 4], 0.9128709291752769),
    ([1.0, 1, 2, 2, 3], [2.0, 1, 1, 3, 3], 0.5),
  ])
  func kendallTauB(x: [Double], y: [Double], expected: Double) {
    #expect(isClose(RankCorrelation.kendall(x, y), expected, relative: 1e-12))
  }

  @Test func kendallMatchesBruteForce() {
    var state: UInt64 = 7
    func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double((state >> 33) % 7)
    }
    let x = (0..<60).map { _ in next() }
    let y = (0..<60).map { _ in next() }
    var (c, d, tx, ty) = (0.0, 0.0, 0.0, 0.0)
    for i in 0..<60 {
      for j in (i + 1)..<60 {
        let s = (x[i] - x[j]) * (y[i] - y[j])
        if s > 0 { c += 1 } else if s < 0 { d += 1 }
        if x[i] == x[j] { tx += 1 }
        if y[i] == y[j] { ty += 1 }
      }
    }
    let n0 = 60.0 * 59 / 2
    let expected = (c - d) / ((n0 - tx) * (n0 - ty)).squareRoot()
    #expect(isClose(RankCorrelation.kendall(x, y), expected, relative: 1e-12))
  }

  @Test func pairwiseMatchesPerPairListwiseAndFlagsNonPSD() throws {
    let x = Matrix([
      [0.01, 0.02, .nan], [0.03, -0.01, 0.02], [-0.02, 0.01, 0.01], [0.00, .nan, -0.03],
      [0.02, 0.03, 0.00], [.nan, 0.01, 0.04], [-0.01, -0.02, 0.01], [0.015, 0.0, -0.01],
    ])
    let estimator = CorrelationEstimator(method: .pearson, missing: .pairwise)
    let estimate = try estimator.estimate(x, assets: Self.names)
    for (i, j) in [(0, 1), (0, 2), (1, 2)] {
      let rows = (0..<8).filter { !x[$0, i].isNaN && !x[$0, j].isNaN }
      let expected = RankCorrelation.pearson(rows.map { x[$0, i] }, rows.map { x[$0, j] })
      #expect(isClose(estimate.matrix[i, j], expected, relative: 1e-12))
    }
    #expect(estimate.observations == 6)
    #expect(estimate.wasPositiveSemidefinite != nil)
    let covariance = try CorrelationEstimator(method: .covariance, missing: .pairwise)
      .estimate(x, assets: Self.names)
    let rows = (0..<8).filter { !x[$0, 0].isNaN && !x[$0, 1].isNaN }
    let sub = SampleCovariance.covariance(x.selectingRows(rows))
    #expect(isClose(covariance.matrix[0, 1], sub[0, 1], relative: 1e-12))
  }

  @Test func pairwiseIsRejectedForShrinkage() {
    let x = Matrix([[0.1, .nan, 0.2], [0.2, 0.1, 0.3], [0.3, 0.1, 0.1]])
    #expect(throws: CorrelationError.pairwiseUnsupported(method: "ledoit-wolf")) {
      try CorrelationEstimator(method: .ledoitWolf, missing: .pairwise)
        .estimate(x, assets: Self.names)
    }
  }

  @Test(arguments: PSDRepairMethod.allCases)
  func repairedCorrelationIsPSDWithUnitDiagonal(method: PSDRepairMethod) throws {
    let m = Matrix([[1, 0.9, 0.7], [0.9, 1, -0.6], [0.7, -0.6, 1]])
    let fixed = try PSDRepair.repair(m, method: method, unitDiagonal: true)
    #expect(fixed.diagonal == [1, 1, 1])
    let diagnostics = try MatrixDiagnostics(fixed)
    #expect(diagnostics.isPositiveSemidefinite)
    #expect(fixed.storage.allSatisfy { abs($0) <= 1 })
    for i in 0..<3 { for j in 0..<3 { #expect(fixed[i, j] == fixed[j, i]) } }
  }

  @Test func estimatorRepairsAndReports() throws {
    let x = Matrix([
      [0.01, 0.02, .nan], [0.03, .nan, 0.02], [.nan, 0.01, 0.01], [0.00, 0.02, -0.03],
      [0.02, 0.03, .nan], [.nan, 0.01, 0.04], [-0.01, .nan, 0.01],
    ])
    let estimator = CorrelationEstimator(method: .pearson, missing: .pairwise, fixPSD: .spectral)
    let estimate = try estimator.estimate(x, assets: Self.names)
    #expect(estimate.diagnostics?.isPositiveSemidefinite == true)
    let summary = estimate.summaryRecord()
    #expect(summary["method"] == .string("pearson"))
    #expect(summary["missing"] == .string("pairwise"))
  }

  @Test func diagnosticsOfSingularMatrix() throws {
    let d = try MatrixDiagnostics(Matrix([[1, 1], [1, 1]]))
    #expect(d.conditionNumber.isInfinite || d.conditionNumber > 1e15)
    let record = CorrelationEstimate(
      assets: ["A", "B"], matrix: Matrix([[1, 1], [1, 1]]), method: .pearson,
      missing: .listwise, observations: 3, shrinkage: nil,
      diagnostics: MatrixDiagnostics(smallest: 0, largest: 2), wasPositiveSemidefinite: true,
      repair: nil
    ).summaryRecord()
    #expect(record["condition_number"] == .null)
  }

  @Test func rollingGeneralPathMatchesDirectEstimate() throws {
    let x = Covariance10x3Tests.x
    let rolling = try RollingEstimator(method: .ledoitWolf, window: 6).estimates(x)
    #expect(rolling.count == 5)
    let last = ShrinkageEstimator.ledoitWolf(x.selectingRows(Array(4..<10)))
    #expect(rolling.last?.shrinkage == last.shrinkage)
    let fast = try RollingEstimator(method: .covariance, window: 6).estimates(x)
    let direct = SampleCovariance.covariance(x.selectingRows(Array(4..<10)))
    for k in 0..<9 { #expect(isClose(fast[4].matrix.storage[k], direct.storage[k])) }
  }

  @Test func rollingConstantWindowIsNaN() throws {
    let x = Matrix([[1, 2], [1, 3], [1, 1], [2, 5], [3, 4]])
    let rolling = try RollingEstimator(method: .pearson, window: 3).estimates(x)
    #expect(rolling[0].matrix[0, 1].isNaN)
    #expect(!rolling[1].matrix[0, 1].isNaN)
    let records = rolling[0].pairRecords(assets: ["A", "B"], date: "2020-01-06")
    #expect(records.count == 3)
    #expect(records[1]["value"] == .null)
    #expect(records[1].keys == ["date", "a", "b", "value"])
  }

  @Test(arguments: CorrelationMethod.names)
  func everyMethodNameRoundTrips(name: String) throws {
    let method = try #require(CorrelationMethod(name: name))
    #expect(method.name == name)
    let x = Covariance10x3Tests.x
    let estimate = try CorrelationEstimator(method: method).estimate(x, assets: Self.names)
    #expect(estimate.matrix.rows == 3)
    #expect(estimate.summaryRecord()["n_obs"] == .int(10))
  }

  @Test func ewmaLambdaIsChecked() {
    #expect(throws: CorrelationError.self) {
      try CorrelationEstimator(method: .ewma(lambda: 1.5))
        .estimate(Covariance10x3Tests.x, assets: Self.names)
    }
    #expect(CorrelationMethod(name: "nope") == nil)
  }
}
