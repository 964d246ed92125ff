import RiskMLCore

/// Hierarchical risk parity (Lopez de Prado, "Building diversified portfolios that
/// outperform out of sample", Journal of Portfolio Management 42(4), 2016), as
/// PyPortfolioOpt's `HRPOpt` computes it:
///
/// 1. correlation distance `d_ij = sqrt((1 - rho_ij) / 2)`;
/// 2. agglomerative clustering of `d` (single linkage by default) and its leaf order
///    (quasi-diagonalisation);
/// 3. recursive bisection: split each list of ordered assets in halves and share the
///    parent's weight in inverse proportion to the halves' variances, where a half's
///    variance is `v'Sv` for its inverse-variance weights `v_i ∝ 1 / S_ii`.
///
/// - Complexity: O(n^2) for clustering, O(n^2 log n) for the bisection.
public struct HierarchicalRiskParity: Sendable {
  /// The covariance matrix (only positive variances are needed).
  public let covariance: Matrix
  /// The linkage criterion.
  public let linkage: Linkage

  /// HRP for a covariance matrix (any scale) and linkage (PyPortfolioOpt: single).
  public init(covariance: Matrix, linkage: Linkage = .single) {
    self.covariance = covariance
    self.linkage = linkage
  }

  /// The quasi-diagonal asset order.
  public func order() -> [Int] {
    let n = covariance.rows
    var correlation = covariance
    for i in 0..<n {
      for j in 0..<n {
        correlation[i, j] =
          covariance[i, j]
          / (covariance[i, i] * covariance[j, j]).squareRoot()
      }
    }
    return AgglomerativeClustering.order(correlation: correlation, linkage: linkage)
  }

  /// The HRP weights (long-only, summing to 1), in input order.
  ///
  /// - Throws: `PortfolioError.covarianceNotPositiveDefinite` when a variance is not
  ///   positive.
  public func weights() throws -> [Double] {
    let n = covariance.rows
    if let bad = covariance.diagonal.min(), bad <= 0 {
      throw PortfolioError.covarianceNotPositiveDefinite(smallestEigenvalue: bad)
    }
    var weights = [Double](repeating: 1, count: n)
    var clusters = [order()]
    while !clusters.isEmpty {
      clusters = clusters.filter { $0.count > 1 }.flatMap { cluster in
        [Array(cluster[0..<(cluster.count / 2)]), Array(cluster[(cluster.count / 2)...])]
      }
      for pair in stride(from: 0, to: clusters.count, by: 2) {
        let first = clusterVariance(clusters[pair])
        let second = clusterVariance(clusters[pair + 1])
        let alpha = 1 - first / (first + second)
        for i in clusters[pair] { weights[i] *= alpha }
        for i in clusters[pair + 1] { weights[i] *= 1 - alpha }
      }
    }
    return weights
  }

  /// `v'Sv` with inverse-variance weights `v` over `members`.
  private func clusterVariance(_ members: [Int]) -> Double {
    let inverse = members.map { 1 / covariance[$0, $0] }
    let total = inverse.reduce(0, +)
    var variance = 0.0
    for (a, i) in members.enumerated() {
      for (b, j) in members.enumerated() {
        variance += inverse[a] * inverse[b] * covariance[i, j]
      }
    }
    return variance / (total * total)
  }
}
