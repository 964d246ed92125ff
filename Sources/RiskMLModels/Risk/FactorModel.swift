import RiskMLCore

/// The OLS regression of one return series on the factors, with an intercept.
public struct FactorExposure: Sendable, Equatable {
  /// The asset name, or "portfolio".
  public let name: String
  /// The intercept (per period).
  public let alpha: Double
  /// One beta per factor, in the model's factor order.
  public let betas: [Double]
  /// 1 - SSR / SST.
  public let rSquared: Double
  /// Residual variance, divisor n - 1 (so that variance = b^T F b + residual variance).
  public let residualVariance: Double
  /// Dates used (both the series and every factor present).
  public let observations: Int
}

/// One factor's share of a portfolio's variance.
public struct FactorContribution: Sendable, Equatable {
  public let factor: String
  /// Euler contribution b_k (F b)_k; the contributions sum to the factor variance.
  public let contribution: Double
}

/// The decomposition var(r_p) = b^T F b + specific variance.
public struct FactorRiskDecomposition: Sendable, Equatable {
  /// The sample variance (n - 1) of the portfolio returns on the regression dates.
  public let totalVariance: Double
  /// b^T F b, F the sample covariance (n - 1) of the factors.
  public let factorVariance: Double
  /// The residual variance of the portfolio regression.
  public let specificVariance: Double
  public let contributions: [FactorContribution]

  /// `total_variance`, `factor_variance`, `specific_variance`, then one
  /// `contribution_<factor>` per factor.
  public func record() -> Record {
    var record: Record = [
      "total_variance": .number(totalVariance), "factor_variance": .number(factorVariance),
      "specific_variance": .number(specificVariance),
    ]
    for c in contributions { record["contribution_\(c.factor)"] = .number(c.contribution) }
    return record
  }
}

/// Factor exposures of assets and a portfolio, and the portfolio's factor risk.
///
/// Each series is regressed by OLS on [1, f_1, ..., f_K] over the dates where it and every
/// factor are present: b = (X^T X)^-1 X^T y through LAPACK `dgesv` on the normal equations.
/// Because OLS residuals with an intercept have mean 0 and are orthogonal to the factors
/// in-sample, var(y) = b^T F b + var(e) holds exactly with n - 1 moments throughout.
/// - Complexity: O(N T K^2) for N assets, T dates and K factors.
public struct FactorModel: Sendable {
  public let factorNames: [String]
  public let assets: [FactorExposure]
  /// The regression of the portfolio returns, when weights were given.
  public let portfolio: FactorExposure?
  /// The factor risk decomposition of the portfolio, when weights were given.
  public let decomposition: FactorRiskDecomposition?

  /// Fits the model.
  ///
  /// - Parameters:
  ///   - returns: T x N asset returns (NaN for missing), aligned by row with `factors`.
  ///   - factors: T x K factor returns (NaN for missing).
  ///   - weights: portfolio weights; the portfolio return is NaN on dates with a gap.
  /// - Throws: `RiskError.tooFewReturns` with fewer than K + 2 usable dates,
  ///   `.singularFactorRegression`, `.weightCountMismatch`.
  public init(
    returns: Matrix, assets names: [String], factors: Matrix, factorNames: [String],
    weights: [Double]? = nil
  ) throws {
    precondition(returns.rows == factors.rows, "returns and factors must share their dates")
    precondition(factorNames.count == factors.columns, "one name per factor")
    self.factorNames = factorNames
    assets = try names.indices.map { j in
      try Self.regress(returns.column(j), on: factors, name: names[j]).exposure
    }
    guard let weights else {
      (portfolio, decomposition) = (nil, nil)
      return
    }
    guard weights.count == returns.columns else {
      throw RiskError.weightCountMismatch(weights: weights.count, assets: returns.columns)
    }
    let series = RiskReport.portfolioReturns(returns, weights: weights)
    let fit = try Self.regress(series, on: factors, name: "portfolio")
    portfolio = fit.exposure
    let f = SampleCovariance.covariance(factors.selectingRows(fit.rows))
    let fb = f.multiplied(by: fit.exposure.betas)
    let contributions = factorNames.indices.map {
      FactorContribution(factor: factorNames[$0], contribution: fit.exposure.betas[$0] * fb[$0])
    }
    let factorVariance = contributions.reduce(0) { $0 + $1.contribution }
    decomposition = FactorRiskDecomposition(
      totalVariance: fit.variance, factorVariance: factorVariance,
      specificVariance: fit.exposure.residualVariance, contributions: contributions)
  }

  /// Per-asset records: `asset`, `alpha`, `beta_<factor>`..., `r_squared`.
  public func exposureRecords() -> [Record] {
    (assets + (portfolio.map { [$0] } ?? [])).map { exposure in
      var record: Record = ["asset": .string(exposure.name), "alpha": .number(exposure.alpha)]
      for (k, name) in factorNames.enumerated() {
        record["beta_\(name)"] = .number(exposure.betas[k])
      }
      record["r_squared"] = .number(exposure.rSquared)
      return record
    }
  }

  private static func regress(
    _ y: [Double], on factors: Matrix, name: String
  ) throws
    -> (exposure: FactorExposure, rows: [Int], variance: Double)
  {
    let k = factors.columns
    let rows = (0..<factors.rows).filter { t in
      !y[t].isNaN && !(0..<k).contains { factors[t, $0].isNaN }
    }
    guard rows.count >= k + 2 else {
      throw RiskError.tooFewReturns(
        available: rows.count, needed: k + 2, statistic: "factor regression of \(name)")
    }
    var design = Matrix(rows: rows.count, columns: k + 1, repeating: 1)
    for (i, t) in rows.enumerated() { for j in 0..<k { design[i, j + 1] = factors[t, j] } }
    let target = rows.map { y[$0] }
    let normal = design.gram()
    let rhs = design.transposeMultiplied(by: Matrix(rows: rows.count, columns: 1, storage: target))
    let coefficients: [Double]
    do { coefficients = try normal.solve(rhs).storage } catch {
      throw RiskError.singularFactorRegression(asset: name)
    }
    let fitted = design.multiplied(by: coefficients)
    let n = Double(rows.count)
    let mean = target.reduce(0, +) / n
    let ssr = zip(target, fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let sst = target.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let exposure = FactorExposure(
      name: name, alpha: coefficients[0], betas: Array(coefficients.dropFirst()),
      rSquared: sst > 0 ? 1 - ssr / sst : .nan, residualVariance: ssr / (n - 1),
      observations: rows.count)
    return (exposure, rows, sst / (n - 1))
  }
}
