import RiskMLCore
import Testing

@testable import RiskMLModels

@Suite struct RiskParityAndClusteringTests {
  @Test(arguments: [nil, [0.1, 0.2, 0.3, 0.4]] as [[Double]?])
  func riskContributionsEqualBudgets(budgets: [Double]?) throws {
    let covariance = PortfolioConstraintTests.covariance
    let (weights, steps) = try RiskParityOptimizer(covariance: covariance, budgets: budgets)
      .solve()
    let target = budgets ?? [0.25, 0.25, 0.25, 0.25]
    let sw = covariance.multiplied(by: weights)
    let variance = zip(weights, sw).reduce(0) { $0 + $1.0 * $1.1 }
    for i in 0..<4 { #expect(abs(weights[i] * sw[i] / variance - target[i]) < 1e-8) }
    #expect(abs(weights.reduce(0, +) - 1) < 1e-14)
    #expect(steps < 30)
  }

  /// Four assets in the order A, C, B, D with A-B and C-D correlated: the quasi-diagonal
  /// order is [0, 2, 1, 3] and the bisection can be followed by hand.
  @Test func hierarchicalRiskParityHandExample() throws {
    let variances = [0.04, 0.01, 0.09, 0.16]
    var rho = Matrix.identity(4)
    for (i, j, r) in [
      (0, 2, 0.8), (1, 3, 0.7), (0, 1, 0.1), (0, 3, 0.1), (2, 1, 0.1),
      (2, 3, 0.1),
    ] {
      rho[i, j] = r
      rho[j, i] = r
    }
    var covariance = rho
    for i in 0..<4 {
      for j in 0..<4 { covariance[i, j] = rho[i, j] * (variances[i] * variances[j]).squareRoot() }
    }
    let hrp = HierarchicalRiskParity(covariance: covariance)
    #expect(hrp.order() == [0, 2, 1, 3])

    // Cluster {A, B}: inverse-variance weights (1/0.04, 1/0.09) / sum.
    func clusterVariance(_ i: Int, _ j: Int) -> Double {
      let a = 1 / variances[i]
      let b = 1 / variances[j]
      let (va, vb) = (a / (a + b), b / (a + b))
      return va * va * covariance[i, i] + vb * vb * covariance[j, j]
        + 2 * va * vb * covariance[i, j]
    }
    let left = clusterVariance(0, 2)
    let right = clusterVariance(1, 3)
    let alpha = 1 - left / (left + right)
    let expected = [
      alpha * 0.09 / 0.13, (1 - alpha) * 0.16 / 0.17, alpha * 0.04 / 0.13,
      (1 - alpha) * 0.01 / 0.17,
    ]
    let weights = try hrp.weights()
    for i in 0..<4 { #expect(abs(weights[i] - expected[i]) < 1e-14) }
  }

  /// scipy 1.17 `linkage` of seven points in the plane (Euclidean distances).
  @Test(arguments: [
    (
      Linkage.single,
      [
        0.290688837075, 0.481040538832, 0.60207972894, 1.570031846811,
        2.566028059083, 3.564828186603,
      ]
    ),
    (
      Linkage.average,
      [
        0.290688837075, 0.481040538832, 0.734816190928, 2.020393598342,
        3.302618554934, 4.303355966573,
      ]
    ),
    (
      Linkage.ward,
      [
        0.290688837075, 0.481040538832, 0.9760379091, 2.545429236887,
        4.219538679366, 5.467897654666,
      ]
    ),
  ])
  func linkageMatchesScipy(linkage: Linkage, heights: [Double]) {
    let points: [[Double]] = [
      [2.04, -2.56], [0.42, -0.57], [-0.45, -0.22], [-2.02, -0.23],
      [-0.87, 3.32], [0.23, -0.35], [-0.28, -0.67],
    ]
    var distances = Matrix(rows: 7, columns: 7)
    for i in 0..<7 {
      for j in 0..<7 {
        let dx = points[i][0] - points[j][0]
        let dy = points[i][1] - points[j][1]
        distances[i, j] = (dx * dx + dy * dy).squareRoot()
      }
    }
    let dendrogram = AgglomerativeClustering(linkage: linkage).fit(distances: distances)
    let pairs = dendrogram.merges.map { [$0.left, $0.right] }
    #expect(pairs == [[1, 5], [2, 6], [7, 8], [3, 9], [0, 10], [4, 11]])
    for (merge, height) in zip(dendrogram.merges, heights) {
      #expect(abs(merge.distance - height) < 1e-9)
    }
    #expect(dendrogram.leafOrder == [4, 0, 3, 1, 5, 2, 6])
  }

  /// Asset 0 returns 1 % in every scenario; asset 1 loses 20 % once and gains 30 % three
  /// times. With weight b in asset 1 the losses are -0.01 + 0.21b (once) and
  /// -0.01 - 0.29b: CVaR at 0.5 averages the worst two (falls with b, so b hits its cap
  /// 0.6); CVaR at 0.75 is the worst one (rises with b, so b sits at its floor 0.4).
  @Test(arguments: [(0.5, [0.4, 0.6]), (0.75, [0.6, 0.4])])
  func minimumCVaRHandCase(alpha: Double, expected: [Double]) throws {
    let scenarios = Matrix([[0.01, -0.2], [0.01, 0.3], [0.01, 0.3], [0.01, 0.3]])
    let optimizer = PortfolioOptimizer(
      assets: ["cash", "stock"], covariance: Matrix([[1e-6, 0], [0, 0.04]]),
      expectedReturns: [0.01, 0.2],
      constraints: PortfolioConstraints(
        lower: [0, 0.4], upper: [0.6, 0.6]), scenarios: scenarios)
    let result = try optimizer.optimize(.minCVaR(alpha: alpha))
    for i in 0..<2 { #expect(abs(result.weights[i] - expected[i]) < 1e-9) }
  }
}
