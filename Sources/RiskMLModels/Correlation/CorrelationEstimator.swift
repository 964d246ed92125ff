import RiskMLCore

/// Estimates a correlation or covariance matrix from a returns matrix.
///
/// Input: T x N returns (rows are dates, oldest first), NaN where missing. Listwise
/// deletion drops every date with a NaN; pairwise deletion is available for pearson,
/// spearman, kendall and covariance. Usage:
///
///     let estimator = CorrelationEstimator(method: .ledoitWolf)
///     let estimate = try estimator.estimate(returns, assets: ["AAPL", "MSFT"])
///     estimate.shrinkage          // 0.0215...
///     estimate.pairRecords()      // [{a, b, value}]
public struct CorrelationEstimator: Sendable {
  /// The estimator.
  public var method: CorrelationMethod
  /// Missing-data policy (listwise by default).
  public var missing: MissingDataPolicy
  /// Repair applied when the estimate is not PSD; nil leaves it as it is.
  public var fixPSD: PSDRepairMethod?
  /// Whether eigenvalue diagnostics are computed (O(N^3)); always when `fixPSD` is set.
  public var computesDiagnostics: Bool

  public init(
    method: CorrelationMethod, missing: MissingDataPolicy = .listwise,
    fixPSD: PSDRepairMethod? = nil, computesDiagnostics: Bool = true
  ) {
    self.method = method
    self.missing = missing
    self.fixPSD = fixPSD
    self.computesDiagnostics = computesDiagnostics
  }

  /// The estimate for `returns` (T x N) whose columns are named by `assets`.
  ///
  /// - Throws: `CorrelationError.tooFewObservations` with fewer than 2 usable dates,
  ///   `.pairwiseUnsupported`, `.invalidParameter`, `.assetCountMismatch`.
  public func estimate(_ returns: Matrix, assets: [String]) throws -> CorrelationEstimate {
    guard assets.count == returns.columns else {
      throw CorrelationError.assetCountMismatch(columns: returns.columns, names: assets.count)
    }
    try validateParameters()
    let (raw, count, shrinkage) = try compute(returns)

    var matrix = raw
    var diagnostics: MatrixDiagnostics?
    var wasPSD: Bool?
    var applied: PSDRepairMethod?
    if computesDiagnostics || fixPSD != nil {
      let before = try MatrixDiagnostics(raw)
      wasPSD = before.isPositiveSemidefinite
      diagnostics = before
      if let fixPSD, !before.isPositiveSemidefinite {
        matrix = try PSDRepair.repair(raw, method: fixPSD, unitDiagonal: method.isCorrelation)
        diagnostics = try MatrixDiagnostics(matrix)
        applied = fixPSD
      }
    }
    return CorrelationEstimate(
      assets: assets, matrix: matrix, method: method, missing: missing, observations: count,
      shrinkage: shrinkage, diagnostics: diagnostics, wasPositiveSemidefinite: wasPSD,
      repair: applied)
  }

  /// The raw estimate, the observation count and the shrinkage intensity.
  func compute(_ returns: Matrix) throws -> (Matrix, Int, Double?) {
    if missing == .pairwise && returns.hasNaN {
      guard method.supportsPairwise else {
        throw CorrelationError.pairwiseUnsupported(method: method.name)
      }
      return try pairwise(returns)
    }
    let x = returns.hasNaN ? Self.completeRows(returns) : returns
    guard x.rows >= 2 else {
      throw CorrelationError.tooFewObservations(available: x.rows, needed: 2)
    }
    switch method {
    case .pearson:
      let constant = SampleCovariance.constantColumns(x)
      let c = SampleCovariance.covariance(x)
      return (SampleCovariance.correlation(fromCovariance: c, constant: constant), x.rows, nil)
    case .spearman:
      let constant = SampleCovariance.constantColumns(x)
      let c = SampleCovariance.covariance(RankCorrelation.rankColumns(x))
      return (SampleCovariance.correlation(fromCovariance: c, constant: constant), x.rows, nil)
    case .kendall:
      return (Self.kendallMatrix(x), x.rows, nil)
    case .covariance:
      return (SampleCovariance.covariance(x), x.rows, nil)
    case .ledoitWolf:
      let result = ShrinkageEstimator.ledoitWolf(x)
      return (result.matrix, x.rows, result.shrinkage)
    case .oas:
      let result = ShrinkageEstimator.oas(x)
      return (result.matrix, x.rows, result.shrinkage)
    case .ledoitWolfConstantCorrelation:
      let result = StructuredShrinkage.constantCorrelation(x)
      return (result.matrix, x.rows, result.shrinkage)
    case .ledoitWolfSingleFactor:
      let result = StructuredShrinkage.singleFactor(x)
      return (result.matrix, x.rows, result.shrinkage)
    case .ewma(let lambda):
      return (ExponentialCovariance.riskMetrics(x, lambda: lambda), x.rows, nil)
    case .semicovariance(let benchmark):
      return (SampleCovariance.semicovariance(x, benchmark: benchmark), x.rows, nil)
    case .exponentialCovariance(let span):
      return (ExponentialCovariance.pyPortfolioOpt(x, span: span), x.rows, nil)
    }
  }

  private func pairwise(_ x: Matrix) throws -> (Matrix, Int, Double?) {
    let n = x.columns
    var result = Matrix(rows: n, columns: n, repeating: .nan)
    var minimum = Int.max
    var maximum = 0
    switch method {
    case .pearson, .covariance:
      let (m, count) = SampleCovariance.pairwise(x, correlation: method == .pearson)
      result = m
      minimum = count
      maximum = Self.pairCounts(x).max() ?? 0
    default:
      // FIXME: pairwise Spearman and Kendall re-rank every pair's common dates, O(N^2 T log T)
      // in scalar loops; fine for tens of assets, slow for thousands.
      for i in 0..<n {
        for j in i..<n {
          let rows = (0..<x.rows).filter { !x[$0, i].isNaN && !x[$0, j].isNaN }
          minimum = min(minimum, rows.count)
          maximum = max(maximum, rows.count)
          let a = rows.map { x[$0, i] }
          let b = rows.map { x[$0, j] }
          let value =
            method == .kendall
            ? RankCorrelation.kendall(a, b) : RankCorrelation.spearman(a, b)
          result[i, j] = i == j && value.isFinite ? 1 : value
          result[j, i] = result[i, j]
        }
      }
    }
    guard maximum >= 2 else {
      throw CorrelationError.tooFewObservations(available: maximum, needed: 2)
    }
    return (result, minimum == .max ? 0 : minimum, nil)
  }

  private func validateParameters() throws {
    switch method {
    case .ewma(let lambda) where !(lambda > 0 && lambda < 1):
      throw CorrelationError.invalidParameter(name: "lambda", value: lambda, expected: "(0, 1)")
    case .exponentialCovariance(let span) where !(span >= 1):
      throw CorrelationError.invalidParameter(name: "span", value: span, expected: ">= 1")
    default: return
    }
  }

  /// The rows of `x` without NaN (listwise deletion).
  public static func completeRows(_ x: Matrix) -> Matrix {
    x.selectingRows((0..<x.rows).filter { i in !x.row(i).contains { $0.isNaN } })
  }

  /// The number of present values per column.
  static func pairCounts(_ x: Matrix) -> [Int] {
    (0..<x.columns).map { j in (0..<x.rows).filter { !x[$0, j].isNaN }.count }
  }

  /// Kendall's tau-b for every pair of columns of complete data.
  /// - Complexity: O(N^2 T log T).
  static func kendallMatrix(_ x: Matrix) -> Matrix {
    let columns = (0..<x.columns).map { x.column($0) }
    var result = Matrix(rows: x.columns, columns: x.columns)
    for i in 0..<x.columns {
      for j in i..<x.columns {
        let value = RankCorrelation.kendall(columns[i], columns[j])
        result[i, j] = i == j && value.isFinite ? 1 : value
        result[j, i] = result[i, j]
      }
    }
    return result
  }
}
