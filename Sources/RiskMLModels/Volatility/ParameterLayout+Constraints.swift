import Foundation
import RiskMLCore

extension ParameterLayout {
  // FIXME: arch allows persistence = 1; a fit on that boundary ends up to ~3e-5 lower in
  // loglik here (1 of 500 synthetic assets). Kept so that the model stays strictly stationary.

  /// Stationarity is enforced with this margin: `persistence <= 1 - margin`.
  static let stationarityMargin = 1e-6

  /// Bounds and linear constraints for a series with sample mean `mean` and variance `v`.
  ///
  /// - `mu`: unbounded.
  /// - GARCH/GJR: `omega` in `[1e-10 v, 10 v]`; each `alpha` and `beta` in `[0, 1]`;
  ///   GJR's `gamma` in `[-1, 2]` with `alpha + gamma >= 0`; stationarity
  ///   `sum alpha + gamma / 2 + sum beta <= 1 - 1e-6` (arch's constraints, with the margin).
  /// - EGARCH: `omega` in `[-50, 50] + ln v`, `alpha` and `gamma` in `[-5, 5]`,
  ///   `beta` in `[0, 1 - 1e-6]`.
  /// - `nu` in `[2.05, 500]`; `lambda` in `[-0.99, 0.99]`.
  func feasibleRegion(variance v: Double) -> FeasibleRegion {
    var lower = [Double](repeating: -.infinity, count: count)
    var upper = [Double](repeating: .infinity, count: count)
    var inequalities: [LinearInequality] = []
    if isExponential {
      (lower[omega], upper[omega]) = (log(v) - 50, log(v) + 50)
      (lower[alpha], upper[alpha]) = (-5, 5)
      (lower[gamma], upper[gamma]) = (-5, 5)
      (lower[beta], upper[beta]) = (0, 1 - ParameterLayout.stationarityMargin)
    } else {
      (lower[omega], upper[omega]) = (1e-10 * v, 10 * v)
      for i in 0..<p { (lower[alpha + i], upper[alpha + i]) = (0, 1) }
      for j in 0..<q { (lower[beta + j], upper[beta + j]) = (0, 1) }
      var persistence = [Double](repeating: 0, count: count)
      for i in 0..<p { persistence[alpha + i] = 1 }
      for j in 0..<q { persistence[beta + j] = 1 }
      if o > 0 {
        (lower[gamma], upper[gamma]) = (-1, 2)
        persistence[gamma] = 0.5
        var positive = [Double](repeating: 0, count: count)
        positive[alpha] = -1
        positive[gamma] = -1
        inequalities.append(LinearInequality(coefficients: positive, bound: 0))
      }
      inequalities.append(
        LinearInequality(
          coefficients: persistence, bound: 1 - ParameterLayout.stationarityMargin))
    }
    if let nu { (lower[nu], upper[nu]) = (2.05, 500) }
    if let lambda { (lower[lambda], upper[lambda]) = (-0.99, 0.99) }
    return FeasibleRegion(lower: lower, upper: upper, inequalities: inequalities)
  }

  /// Candidate starting points, arch's grid for GARCH: `alpha` in {0.01, 0.05, 0.1, 0.2},
  /// persistence in {0.5, 0.7, 0.9, 0.98}; GJR's `gamma` in {0, 0.1} (EGARCH's in
  /// {-0.1, 0.1}); `omega` matching the sample variance; `nu = 8`, `lambda = -0.1`.
  /// (A smaller grid missed the global optimum of a flat synthetic likelihood by 0.2.)
  func startingGrid(mean: Double, variance v: Double) -> [[Double]] {
    var grid: [[Double]] = []
    let gammas: [Double] = o == 0 ? [0] : isExponential ? [-0.1, 0.1] : [0, 0.1]
    for a in [0.01, 0.05, 0.1, 0.2] {
      for g in gammas {
        for persistence in [0.5, 0.7, 0.9, 0.98] {
          var theta = [Double](repeating: 0, count: count)
          if let mu { theta[mu] = mean }
          let betaTotal = isExponential ? persistence : persistence - a - g / 2
          guard betaTotal > 0 else { continue }
          theta[omega] = isExponential ? log(v) * (1 - persistence) : v * (1 - persistence)
          for i in 0..<p { theta[alpha + i] = a / Double(p) }
          if o > 0 { theta[gamma] = g }
          for j in 0..<q { theta[beta + j] = betaTotal / Double(q) }
          if let nu { theta[nu] = 8 }
          if let lambda { theta[lambda] = -0.1 }
          grid.append(theta)
        }
      }
    }
    return grid
  }
}
