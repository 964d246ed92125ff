/// The scale check arch applies before fitting (arch `ARCHModel._check_scale`).
///
/// Optimisers behave best when the return variance is of order 1 (percent returns).
/// arch's rule, verified in its source: a sample variance `v` in `[0.1, 10000)` is fine;
/// otherwise the returns are multiplied by 10 (`v < 0.1`) or by 0.1 (`v >= 10000`) until
/// the rescaled variance `v c^2` falls in that range, and the factor `c` is recommended.
/// (arch's warning text says "between 1 and 1000" but the loop tests `[0.1, 10000)`.)
public enum ReturnScale {
  /// The sample mean and variance (divisor n, as numpy's `var`).
  public static func moments(_ x: [Double]) -> (mean: Double, variance: Double) {
    guard !x.isEmpty else { return (.nan, .nan) }
    let mean = x.reduce(0, +) / Double(x.count)
    var total = 0.0
    for value in x { total += (value - mean) * (value - mean) }
    return (mean, total / Double(x.count))
  }

  /// The power-of-ten factor arch would rescale the returns by, or `nil` when the scale is
  /// already fine (or the variance is zero or not finite).
  public static func recommendedFactor(_ returns: [Double]) -> Double? {
    let variance = moments(returns).variance
    guard variance > 0, variance.isFinite else { return nil }
    var factor = 1.0
    var scaled = variance
    while !(scaled >= 0.1 && scaled < 10000) {
      factor = scaled < 0.1 ? factor * 10 : factor / 10
      scaled = variance * factor * factor
    }
    return factor == 1 ? nil : factor
  }
}
