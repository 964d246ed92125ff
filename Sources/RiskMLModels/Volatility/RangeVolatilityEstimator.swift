import Foundation

/// Rolling volatility estimators from daily open, high, low and close prices, with the
/// definitions of R's TTR `volatility()` (J. Ulrich, TTR 0.24): each returns, per bar, the
/// annualised volatility over the last `window` bars, or `nil` until the window fills.
///
/// With `N` the annualisation factor and `n` the window, sums running over the last `n`
/// bars (`n - 1` returns for close-to-close):
/// - close-to-close: `sqrt(N) * sd(r)`, `r_t = ln(C_t / C_{t-1})`, the sample standard
///   deviation (divisor `n - 2`) of the last `n - 1` returns;
/// - close-to-close, zero mean: `sqrt(N / (n - 2) * sum r^2)` over the same returns (the
///   divisor TTR uses with `mean0 = TRUE`);
/// - Parkinson (1980): `sqrt(N / (4 n ln 2) * sum ln(H/L)^2)`;
/// - Garman & Klass (1980): `sqrt(N / n * sum [ln(H/L)^2 / 2 - (2 ln 2 - 1) ln(C/O)^2])`;
/// - Rogers & Satchell (1991): `sqrt(N / n * sum [ln(H/C) ln(H/O) + ln(L/C) ln(L/O)])`;
/// - Garman-Klass with Yang-Zhang's overnight term: Garman-Klass plus
///   `ln(O_t / C_{t-1})^2` inside the sum;
/// - Yang & Zhang (2000): `sqrt(s2_o + k s2_c + (1 - k) s2_rs)` with `s2_o` and `s2_c` the
///   annualised sample variances (divisor `n - 1`) of `ln(O_t/C_{t-1})` and `ln(C_t/O_t)`,
///   `s2_rs` Rogers-Satchell squared, and `k = 0.34 / (1.34 + (n + 1) / (n - 1))`.
/// The two estimators with an overnight term start one bar later. NaN prices propagate.
/// - Complexity: O(bars * window).
public enum RangeVolatilityEstimator: String, CaseIterable, Sendable {
  case closeToClose = "close"
  case closeToCloseZeroMean = "close-zero-mean"
  case parkinson
  case garmanKlass = "garman-klass"
  case rogersSatchell = "rogers-satchell"
  case garmanKlassYangZhang = "gk-yang-zhang"
  case yangZhang = "yang-zhang"

  /// The annualised volatility at each bar (`nil` before the window fills).
  ///
  /// - Parameters: `open`, `high`, `low`, `close` of equal length (only `close` is read by
  ///   the close-to-close estimators); `window >= 2` (`>= 3` for close-to-close);
  ///   `annualization` defaults to 252.
  public func estimate(
    open: [Double], high: [Double], low: [Double], close: [Double],
    window n: Int, annualization: Double = 252
  ) -> [Double?] {
    let isCloseToClose = self == .closeToClose || self == .closeToCloseZeroMean
    precondition(n >= (isCloseToClose ? 3 : 2), "the window is too short for \(rawValue)")
    let count = close.count
    let twoLn2m1 = 2 * log(2.0) - 1
    func term(_ t: Int) -> Double {
      switch self {
      case .closeToClose, .closeToCloseZeroMean, .yangZhang:
        return t > 0 ? log(close[t] / close[t - 1]) : .nan
      case .parkinson:
        return pow(log(high[t] / low[t]), 2)
      case .garmanKlass:
        return 0.5 * pow(log(high[t] / low[t]), 2) - twoLn2m1 * pow(log(close[t] / open[t]), 2)
      case .rogersSatchell:
        return RangeVolatilityEstimator.rogersSatchellTerm(open, high, low, close, t)
      case .garmanKlassYangZhang:
        guard t > 0 else { return .nan }
        return pow(log(open[t] / close[t - 1]), 2) + 0.5 * pow(log(high[t] / low[t]), 2)
          - twoLn2m1 * pow(log(close[t] / open[t]), 2)
      }
    }
    let terms = (0..<count).map(term)
    var output = [Double?](repeating: nil, count: count)
    let first: Int
    switch self {
    case .closeToClose, .closeToCloseZeroMean: first = n - 1
    case .garmanKlassYangZhang, .yangZhang: first = n
    default: first = n - 1
    }
    guard first < count else { return output }
    for t in first..<count {
      switch self {
      case .closeToClose:
        output[t] = (annualization * sampleVariance(terms[(t - n + 2)...t])).squareRoot()
      case .closeToCloseZeroMean:
        let sum = terms[(t - n + 2)...t].reduce(0) { $0 + $1 * $1 }
        output[t] = (annualization / Double(n - 2) * sum).squareRoot()
      case .parkinson:
        let sum = terms[(t - n + 1)...t].reduce(0, +)
        output[t] = (annualization / (4 * Double(n) * log(2.0)) * sum).squareRoot()
      case .garmanKlass, .rogersSatchell, .garmanKlassYangZhang:
        let sum = terms[(t - n + 1)...t].reduce(0, +)
        output[t] = (annualization / Double(n) * sum).squareRoot()
      case .yangZhang:
        output[t] = yangZhang(open, high, low, close, t, n, annualization)
      }
    }
    return output
  }

  private func yangZhang(
    _ open: [Double], _ high: [Double], _ low: [Double], _ close: [Double],
    _ t: Int, _ n: Int, _ annualization: Double
  ) -> Double {
    let window = (t - n + 1)...t
    let overnight = window.map { log(open[$0] / close[$0 - 1]) }
    let openToClose = window.map { log(close[$0] / open[$0]) }
    let rs =
      window.reduce(0) {
        $0 + RangeVolatilityEstimator.rogersSatchellTerm(open, high, low, close, $1)
      } / Double(n)
    let k = 0.34 / (1.34 + Double(n + 1) / Double(n - 1))
    let variance =
      sampleVariance(overnight[...]) + k * sampleVariance(openToClose[...])
      + (1 - k) * rs
    return (annualization * variance).squareRoot()
  }

  static func rogersSatchellTerm(
    _ open: [Double], _ high: [Double], _ low: [Double], _ close: [Double], _ t: Int
  ) -> Double {
    log(high[t] / close[t]) * log(high[t] / open[t]) + log(low[t] / close[t])
      * log(low[t] / open[t])
  }
}

/// The sample variance (divisor `count - 1`).
func sampleVariance(_ x: ArraySlice<Double>) -> Double {
  let mean = x.reduce(0, +) / Double(x.count)
  return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
}
