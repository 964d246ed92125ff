import RiskMLCore

/// Cross-sectional long-short factors built from the assets' own return history.
///
/// On each date t a signal ranks the assets using only returns before t; the factor return
/// on t is the equal-weighted mean return of the top group minus that of the bottom group,
/// each group holding max(1, floor(n_t * fraction)) of the n_t assets with a signal and a
/// return on t. Dates without enough history (or fewer than 2 such assets) are NaN.
public enum PriceFactors {
  /// Momentum (12-1 by default): the signal is the compounded return over rows
  /// t - lookback ..< t - skip, so the latest `skip` periods (the short-term reversal
  /// month) are left out; long the winners, short the losers (Jegadeesh & Titman 1993).
  /// - Complexity: O(T N lookback), O(T N log N) for the ranking.
  public static func momentum(
    _ returns: Matrix, lookback: Int = 252, skip: Int = 21, fraction: Double = 1.0 / 3
  ) -> [Double] {
    precondition(lookback > skip && skip >= 0, "lookback must exceed skip")
    // FIXME: each signal recompounds its whole window, O(T N lookback); a rolling sum of
    // log(1 + r) would make it O(T N).
    return longShort(returns, firstRow: lookback, fraction: fraction) { t, j in
      var wealth = 1.0
      for s in (t - lookback)..<(t - skip) {
        let r = returns[s, j]
        if r.isNaN { return .nan }
        wealth *= 1 + r
      }
      return wealth - 1
    }
  }

  /// Volatility: the signal is the standard deviation (n - 1) of the returns over rows
  /// t - lookback ..< t; long the most volatile group, short the least volatile (so a
  /// positive beta means the asset moves with high-volatility stocks).
  public static func volatility(
    _ returns: Matrix, lookback: Int = 63, fraction: Double = 1.0 / 3
  ) -> [Double] {
    precondition(lookback >= 2, "volatility needs a lookback of 2 or more")
    return longShort(returns, firstRow: lookback, fraction: fraction) { t, j in
      let window = ((t - lookback)..<t).map { returns[$0, j] }
      if window.contains(where: \.isNaN) { return .nan }
      let mean = window.reduce(0, +) / Double(lookback)
      let ss = window.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      return (ss / Double(lookback - 1)).squareRoot()
    }
  }

  private static func longShort(
    _ returns: Matrix, firstRow: Int, fraction: Double, signal: (Int, Int) -> Double
  ) -> [Double] {
    (0..<returns.rows).map { t in
      guard t >= firstRow else { return .nan }
      let ranked = (0..<returns.columns)
        .map { (asset: $0, score: signal(t, $0)) }
        .filter { !$0.score.isNaN && !returns[t, $0.asset].isNaN }
        .sorted { $0.score < $1.score }
      guard ranked.count >= 2 else { return .nan }
      let size = max(1, Int(Double(ranked.count) * fraction))
      let low = ranked.prefix(size).reduce(0) { $0 + returns[t, $1.asset] } / Double(size)
      let high = ranked.suffix(size).reduce(0) { $0 + returns[t, $1.asset] } / Double(size)
      return high - low
    }
  }
}
