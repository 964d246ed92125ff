import Foundation
import RiskMLCore

/// Estimators of annualised expected returns from periodic simple returns.
public enum ExpectedReturnsEstimator: Sendable, Equatable {
  /// Arithmetic mean times periods per year: `ppy * mean(r)`.
  case mean
  /// Compound annual growth (PyPortfolioOpt's `mean_historical_return` default):
  /// `(prod_t (1 + r_t))^(ppy / T) - 1`.
  case cagr
  /// Exponentially weighted mean, compounded (PyPortfolioOpt's `ema_historical_return`,
  /// default span 500, compounding on): `(1 + m)^ppy - 1` with
  /// `m = sum_t a^(T-1-t) r_t / sum_t a^(T-1-t)`, `a = 1 - 2 / (span + 1)` (pandas
  /// `ewm(span:).mean()` with `adjust=True`, last value).
  case ewma(span: Double)

  /// The expected return of each column of `returns` (T x n, one row per period).
  ///
  /// NaN returns are skipped per asset (the count `T` is the asset's own); in `ewma` a
  /// skipped period still ages the weights, as pandas does with `ignore_na=False`.
  /// - Complexity: O(T n).
  public func estimate(returns: Matrix, periodsPerYear: Double = 252) -> [Double] {
    (0..<returns.columns).map { j in
      let all = returns.column(j)
      let column = all.filter { !$0.isNaN }
      guard !column.isEmpty else { return .nan }
      let t = Double(column.count)
      switch self {
      case .mean:
        return periodsPerYear * column.reduce(0, +) / t
      case .cagr:
        let logGrowth = column.reduce(0) { $0 + log1p($1) }
        return expm1(logGrowth * periodsPerYear / t)
      case .ewma(let span):
        let decay = 1 - 2 / (span + 1)
        var weight = 1.0
        var numerator = 0.0
        var denominator = 0.0
        for r in all.reversed() {
          if !r.isNaN {
            numerator += weight * r
            denominator += weight
          }
          weight *= decay
        }
        return pow(1 + numerator / denominator, periodsPerYear) - 1
      }
    }
  }
}
