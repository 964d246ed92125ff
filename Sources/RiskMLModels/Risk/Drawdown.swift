/// Drawdowns of a compounded return path.
public enum Drawdown {
  /// The wealth path W_t = prod_(s <= t) (1 + r_s), starting from W = 1 before r_0.
  ///
  /// NaN returns count as 0 (no change).
  public static func wealthPath(_ returns: [Double]) -> [Double] {
    var wealth = 1.0
    return returns.map { r in
      wealth *= 1 + (r.isNaN ? 0 : r)
      return wealth
    }
  }

  /// The maximum drawdown max_t (1 - W_t / max_(s <= t) W_s), a positive fraction (0.35 is a
  /// 35 % fall from the running peak); the initial wealth 1 counts as a peak. 0 for an
  /// empty or never-falling path. - Complexity: O(n).
  public static func maximum(_ returns: [Double]) -> Double {
    var peak = 1.0
    var worst = 0.0
    for wealth in wealthPath(returns) {
      peak = max(peak, wealth)
      worst = max(worst, 1 - wealth / peak)
    }
    return worst
  }

  /// The compounded return prod (1 + r_t) - 1.
  public static func cumulativeReturn(_ returns: [Double]) -> Double {
    (wealthPath(returns).last ?? 1) - 1
  }
}
