import RiskMLCore

/// One estimate of a rolling series: the window ends at row `endIndex` (inclusive).
public struct RollingEstimate: Sendable {
  /// The last row of the window; the window is rows endIndex - window + 1 ... endIndex.
  public let endIndex: Int
  /// The estimate; all NaN when the window held fewer than 2 usable dates.
  public let matrix: Matrix
  /// Dates used (as `CorrelationEstimate.observations`).
  public let observations: Int
  /// The shrinkage intensity of shrinkage methods.
  public let shrinkage: Double?

  /// One record per pair i <= j: `date`, `a`, `b`, `value` (NaN becomes null).
  public func pairRecords(
    assets: [String], date: String, includeDiagonal: Bool = true
  )
    -> [Record]
  {
    var records = [Record]()
    for i in assets.indices {
      for j in i..<assets.count where includeDiagonal || i != j {
        records.append([
          "date": .string(date), "a": .string(assets[i]), "b": .string(assets[j]),
          "value": .number(matrix[i, j]),
        ])
      }
    }
    return records
  }
}

/// Estimates over a sliding window of `window` dates: one estimate per date from row
/// `window - 1` on (pandas `rolling(window)` with `min_periods = window`).
///
/// Pearson and covariance on data without NaN use rolling sums of x and x x^T over data
/// centred by the full-sample means (O(N^2) per date, recomputed from scratch every 250
/// dates to bound drift); every other case re-runs `CorrelationEstimator` on each window.
/// Usage: `try RollingEstimator(method: .pearson, window: 60).estimates(returns)`.
public struct RollingEstimator: Sendable {
  public var method: CorrelationMethod
  public var window: Int
  public var missing: MissingDataPolicy

  public init(method: CorrelationMethod, window: Int, missing: MissingDataPolicy = .listwise) {
    self.method = method
    self.window = window
    self.missing = missing
  }

  /// The estimates, oldest first.
  ///
  /// - Throws: `CorrelationError.invalidParameter` when `window` < 2.
  /// - Complexity: O(T N^2) on the fast path, else T times the estimator's cost.
  public func estimates(_ x: Matrix) throws -> [RollingEstimate] {
    guard window >= 2 else {
      throw CorrelationError.invalidParameter(
        name: "window", value: Double(window), expected: "an integer >= 2")
    }
    guard x.rows >= window else { return [] }
    if (method == .pearson || method == .covariance) && !x.hasNaN {
      return rollingSums(x)
    }
    let estimator = CorrelationEstimator(
      method: method, missing: missing, computesDiagnostics: false)
    let names = (0..<x.columns).map(String.init)
    return try (window - 1..<x.rows).map { end in
      let slice = x.selectingRows(Array((end - window + 1)...end))
      do {
        let estimate = try estimator.estimate(slice, assets: names)
        return RollingEstimate(
          endIndex: end, matrix: estimate.matrix, observations: estimate.observations,
          shrinkage: estimate.shrinkage)
      } catch CorrelationError.tooFewObservations(let available, _) {
        let empty = Matrix(rows: x.columns, columns: x.columns, repeating: .nan)
        return RollingEstimate(
          endIndex: end, matrix: empty, observations: available, shrinkage: nil)
      }
    }
  }

  private func rollingSums(_ data: Matrix) -> [RollingEstimate] {
    let n = data.columns
    let x = data.centeredColumns()
    var sums = [Double](repeating: 0, count: n)
    var products = Matrix(rows: n, columns: n)
    var equalRun = [Int](repeating: 1, count: n)
    var results = [RollingEstimate]()
    let w = Double(window)

    for t in 0..<x.rows {
      for j in 0..<n {
        equalRun[j] = t > 0 && data[t, j] == data[t - 1, j] ? equalRun[j] + 1 : 1
      }
      if t >= window && (t - window + 1) % 250 != 0 {
        update(&sums, &products, x, row: t, sign: 1)
        update(&sums, &products, x, row: t - window, sign: -1)
      } else if t >= window - 1 {
        let start = t - window + 1
        let slice = x.selectingRows(Array(start...t))
        products = slice.gram()
        sums = (0..<n).map { j in (start...t).reduce(0) { $0 + x[$1, j] } }
      } else {
        continue
      }
      var cov = Matrix(rows: n, columns: n)
      for i in 0..<n {
        for j in 0..<n { cov[i, j] = (products[i, j] - sums[i] * sums[j] / w) / (w - 1) }
      }
      let constant = equalRun.map { $0 >= window }
      let matrix =
        method == .pearson
        ? SampleCovariance.correlation(fromCovariance: cov, constant: constant) : cov
      results.append(
        RollingEstimate(endIndex: t, matrix: matrix, observations: window, shrinkage: nil))
    }
    return results
  }

  private func update(
    _ sums: inout [Double], _ products: inout Matrix, _ x: Matrix, row: Int, sign: Double
  ) {
    let n = x.columns
    let base = row * n
    for i in 0..<n {
      let xi = sign * x.storage[base + i]
      sums[i] += xi
      for j in 0..<n { products.storage[i * n + j] += xi * x.storage[base + j] }
    }
  }
}
