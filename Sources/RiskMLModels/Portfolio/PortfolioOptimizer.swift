import RiskMLCore

/// Optimises portfolio weights for a covariance matrix and expected returns under
/// `PortfolioConstraints`.
///
/// Quadratic objectives go through `GoldfarbIdnaniSolver` (an exact active-set method);
/// risk parity through Newton's method; HRP through clustering; min-CVaR through GLPK.
/// Before solving, `FeasibilityChecker` explains constraints that cannot hold.
///
///     let optimizer = PortfolioOptimizer(assets: names, covariance: sigma,
///                                        expectedReturns: mu,
///                                        constraints: .init(assetCount: names.count))
///     let result = try optimizer.optimize(.minVariance)
///     let rows = result.records()
public struct PortfolioOptimizer: Sendable {
  /// Asset names.
  public var assets: [String]
  /// Annualised covariance matrix (n x n).
  public var covariance: Matrix
  /// Annualised expected returns (n).
  public var expectedReturns: [Double]
  /// Constraints honoured by the optimising objectives.
  public var constraints: PortfolioConstraints
  /// Periodic return scenarios (T x n), needed by `.minCVaR`.
  public var scenarios: Matrix?
  /// Observations behind the covariance, for the singular-covariance warning.
  public var observationCount: Int?
  /// Risk-free rate used for the reported Sharpe ratio (max-Sharpe uses its own).
  public var riskFree: Double

  /// An optimiser; `scenarios` are needed only by `.minCVaR`.
  public init(
    assets: [String], covariance: Matrix, expectedReturns: [Double],
    constraints: PortfolioConstraints, scenarios: Matrix? = nil,
    observationCount: Int? = nil, riskFree: Double = 0
  ) {
    self.assets = assets
    self.covariance = covariance
    self.expectedReturns = expectedReturns
    self.constraints = constraints
    self.scenarios = scenarios
    self.observationCount = observationCount
    self.riskFree = riskFree
  }

  /// Advice that does not stop the run (more assets than observations).
  public var warnings: [String] {
    guard let t = observationCount, t <= assets.count else { return [] }
    return [
      "\(assets.count) assets but only \(t) observations: the sample covariance is "
        + "singular; use --cov ledoit-wolf (or oas)"
    ]
  }

  var builder: PortfolioProblemBuilder {
    PortfolioProblemBuilder(constraints: constraints, assets: assets)
  }

  /// Weights for `objective` with their statistics.
  ///
  /// - Throws: `PortfolioError` explaining infeasible constraints, unattainable targets,
  ///   a covariance that is not positive definite, or mismatched inputs.
  public func optimize(_ objective: PortfolioObjective) throws -> PortfolioResult {
    try validateShapes()
    let outcome: (weights: [Double], iterations: Int, kkt: Double?)
    switch objective {
    case .equalWeights:
      let n = Double(assets.count)
      outcome = (Array(repeating: 1 / n, count: assets.count), 0, nil)
    case .given(let weights):
      guard weights.count == assets.count else {
        throw PortfolioError.dimensionMismatch(
          "\(weights.count) weights for \(assets.count) assets")
      }
      outcome = (weights, 0, nil)
    case .riskParity(let budgets):
      let solution = try RiskParityOptimizer(covariance: covariance, budgets: budgets).solve()
      outcome = (solution.weights, solution.iterations, nil)
    case .hierarchicalRiskParity(let linkage):
      let weights = try HierarchicalRiskParity(covariance: covariance, linkage: linkage)
        .weights()
      outcome = (weights, 0, nil)
    case .minCVaR(let alpha):
      try FeasibilityChecker(builder: builder).check()
      let solution = try minimumCVaR(alpha: alpha)
      outcome = (solution.weights, solution.iterations, nil)
    default:
      try FeasibilityChecker(builder: builder).check()
      let solution = try solveQuadratic(objective)
      outcome = (solution.weights, solution.iterations, solution.kkt)
    }
    let rf: Double
    if case .maxSharpe(let objectiveRiskFree) = objective {
      rf = objectiveRiskFree
    } else {
      rf = riskFree
    }
    return PortfolioResult(
      assets: assets, weights: outcome.weights, covariance: covariance,
      expectedReturns: expectedReturns, riskFree: rf, iterations: outcome.iterations,
      kktResidual: outcome.kkt, objective: objective.name)
  }

  private func validateShapes() throws {
    let n = assets.count
    guard covariance.rows == n, covariance.columns == n else {
      throw PortfolioError.dimensionMismatch(
        "a \(covariance.rows)x\(covariance.columns) covariance for \(n) assets")
    }
    guard expectedReturns.count == n else {
      throw PortfolioError.dimensionMismatch(
        "\(expectedReturns.count) expected returns for \(n) assets")
    }
    guard constraints.assetCount == n else {
      throw PortfolioError.dimensionMismatch(
        "constraints for \(constraints.assetCount) assets, \(n) assets given")
    }
  }

  /// Solves a QP, turning solver failures into portfolio errors.
  func solve(_ problem: QuadraticProgram) throws -> QuadraticProgramSolution {
    do {
      return try QuadraticProgramSolver().solve(problem)
    } catch QuadraticProgramError.hessianNotPositiveDefinite {
      let smallest = (try? covariance.symmetricEigen().values.first) ?? .nan
      throw PortfolioError.covarianceNotPositiveDefinite(smallestEigenvalue: smallest)
    } catch QuadraticProgramError.infeasible(let constraint, let conflicting) {
      let others =
        conflicting.isEmpty
        ? ""
        : " together with "
          + conflicting.joined(
            separator: ", ")
      throw PortfolioError.infeasibleConstraints(
        builder.describe("\(constraint) cannot hold\(others): relax one of them"))
    } catch let error as QuadraticProgramError {
      throw PortfolioError.solverFailed(error.description)
    }
  }
}
