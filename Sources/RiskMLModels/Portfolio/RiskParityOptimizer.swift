import RiskMLCore

/// Long-only risk budgeting: weights whose risk contributions `w_i (Sw)_i / w'Sw` equal
/// given budgets `b_i` (equal risk contribution when `b_i = 1/n`).
///
/// Spinu ("An algorithm for computing risk parity weights", SSRN 2297383, 2013): the
/// strictly convex problem `min F(y) = 1/2 y'Sy - sum b_i ln y_i` over `y > 0` has its
/// minimiser where `y_i (Sy)_i = b_i`; then `w = y / sum y`. Newton's method with the
/// damped step `1 / (1 + lambda)` while the Newton decrement `lambda` exceeds 0.25 (the
/// self-concordant analysis) and full steps after, kept inside `y > 0`.
///
/// - Complexity: O(n^3) per Newton step (a Cholesky solve); typically under 15 steps.
public struct RiskParityOptimizer: Sendable {
  /// The covariance matrix (positive definite).
  public let covariance: Matrix
  /// Risk budgets, normalised to sum to 1.
  public let budgets: [Double]

  /// - Parameter budgets: positive budgets (any scale), or nil for equal ones.
  public init(covariance: Matrix, budgets: [Double]? = nil) {
    self.covariance = covariance
    let raw = budgets ?? Array(repeating: 1, count: covariance.rows)
    let total = raw.reduce(0, +)
    self.budgets = raw.map { $0 / total }
  }

  /// The risk-budgeting weights and the number of Newton steps.
  ///
  /// - Throws: `PortfolioError` for mismatched or non-positive budgets, or a covariance
  ///   that is not positive definite.
  public func solve() throws -> (weights: [Double], iterations: Int) {
    let n = covariance.rows
    guard budgets.count == n else {
      throw PortfolioError.dimensionMismatch("\(budgets.count) risk budgets for \(n) assets")
    }
    guard budgets.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw PortfolioError.infeasibleConstraints("risk budgets must all be positive")
    }
    do { _ = try covariance.cholesky() } catch {
      let smallest = (try? covariance.symmetricEigen().values.first) ?? nil
      throw PortfolioError.covarianceNotPositiveDefinite(smallestEigenvalue: smallest ?? .nan)
    }
    let sb = covariance.multiplied(by: budgets)
    let scale = zip(budgets, sb).reduce(0) { $0 + $1.0 * $1.1 }.squareRoot()
    var y = budgets.map { $0 / scale }
    var steps = 0
    for _ in 0..<200 {
      let sy = covariance.multiplied(by: y)
      let gradient = (0..<n).map { sy[$0] - budgets[$0] / y[$0] }
      let residual = (0..<n).map { abs(y[$0] * sy[$0] - budgets[$0]) }.max() ?? 0
      if residual < 1e-15 { break }
      var hessian = covariance
      for i in 0..<n { hessian[i, i] += budgets[i] / (y[i] * y[i]) }
      let direction = try hessian.solve(gradient)
      let decrement = max(zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }, 0)
        .squareRoot()
      var step = decrement > 0.25 ? 1 / (1 + decrement) : 1
      while (0..<n).contains(where: { y[$0] - step * direction[$0] <= 0 }) { step /= 2 }
      for i in 0..<n { y[i] -= step * direction[i] }
      steps += 1
      if decrement < 1e-15 { break }
    }
    let total = y.reduce(0, +)
    return (y.map { $0 / total }, steps)
  }
}
