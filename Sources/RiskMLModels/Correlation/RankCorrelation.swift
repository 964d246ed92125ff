import RiskMLCore

/// Rank-based correlations: Spearman's rho and Kendall's tau-b.
public enum RankCorrelation {
  /// Average ranks (1-based) of `values`: tied values share the mean of their ranks.
  ///
  /// - Complexity: O(n log n).
  public static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let rank = Double(start + end) / 2 + 1
      for k in start...end { ranks[order[k]] = rank }
      start = end + 1
    }
    return ranks
  }

  /// Each column of complete data replaced by its average ranks.
  public static func rankColumns(_ x: Matrix) -> Matrix {
    var result = x
    for j in 0..<x.columns {
      let ranks = averageRanks(x.column(j))
      for i in 0..<x.rows { result[i, j] = ranks[i] }
    }
    return result
  }

  /// Spearman's rho of two equally long series without NaN: Pearson on average ranks.
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(averageRanks(x), averageRanks(y))
  }

  /// Pearson correlation of two complete series (two-pass); NaN when either is constant.
  public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count >= 2 else { return .nan }
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
    for k in x.indices {
      let (dx, dy) = (x[k] - mx, y[k] - my)
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 0, syy > 0, !isConstant(x), !isConstant(y) else { return .nan }
    return SampleCovariance.clampUnit(sxy / (sxx * syy).squareRoot())
  }

  /// Kendall's tau-b of two equally long series without NaN.
  ///
  /// tau_b = (n0 - n1 - n2 + n3 - 2 d) / sqrt((n0 - n1)(n0 - n2)) with n0 = n(n-1)/2, n1 and
  /// n2 the pairs tied in x and in y, n3 the pairs tied in both and d the discordant pairs,
  /// counted as the inversions of a merge sort (Knight 1966, "A computer method for
  /// calculating Kendall's tau with ungrouped data", JASA 61). NaN when either is constant.
  /// - Complexity: O(n log n).
  public static func kendall(_ x: [Double], _ y: [Double]) -> Double {
    let n = x.count
    guard n >= 2 else { return .nan }
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && y[$0] < y[$1]) }
    var tiedX = 0
    var tiedBoth = 0
    var runX = 1
    var runBoth = 1
    for k in 1..<n {
      let (a, b) = (order[k - 1], order[k])
      if x[a] == x[b] {
        runX += 1
        runBoth = y[a] == y[b] ? runBoth + 1 : flush(&tiedBoth, runBoth)
      } else {
        runX = flush(&tiedX, runX)
        runBoth = flush(&tiedBoth, runBoth)
      }
    }
    _ = flush(&tiedX, runX)
    _ = flush(&tiedBoth, runBoth)

    var ys = order.map { y[$0] }
    var buffer = ys
    let discordant = countInversions(&ys, &buffer, 0, n)
    var tiedY = 0
    var runY = 1
    for k in 1..<n {
      if ys[k] == ys[k - 1] { runY += 1 } else { runY = flush(&tiedY, runY) }
    }
    _ = flush(&tiedY, runY)

    let total = n * (n - 1) / 2
    let denominator = (Double(total - tiedX) * Double(total - tiedY)).squareRoot()
    guard denominator > 0 else { return .nan }
    let numerator = Double(total - tiedX - tiedY + tiedBoth - 2 * discordant)
    return SampleCovariance.clampUnit(numerator / denominator)
  }

  /// Adds the pairs of a run of `run` equal values to `total`; returns 1 (a new run).
  private static func flush(_ total: inout Int, _ run: Int) -> Int {
    total += run * (run - 1) / 2
    return 1
  }

  /// Sorts `values[lo..<hi]` and returns the number of pairs i < j with values[i] > values[j].
  private static func countInversions(
    _ values: inout [Double], _ buffer: inout [Double], _ lo: Int, _ hi: Int
  ) -> Int {
    guard hi - lo > 1 else { return 0 }
    let mid = (lo + hi) / 2
    var count = countInversions(&values, &buffer, lo, mid)
    count += countInversions(&values, &buffer, mid, hi)
    var (i, j, k) = (lo, mid, lo)
    while i < mid || j < hi {
      if j >= hi || (i < mid && values[i] <= values[j]) {
        buffer[k] = values[i]
        i += 1
      } else {
        buffer[k] = values[j]
        count += mid - i
        j += 1
      }
      k += 1
    }
    for m in lo..<hi { values[m] = buffer[m] }
    return count
  }

  private static func isConstant(_ x: [Double]) -> Bool {
    x.allSatisfy { $0 == x[0] }
  }
}
