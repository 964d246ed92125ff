import Foundation
import RiskMLCore

/// A fitted volatility model: estimates, standard errors, fit statistics and the
/// conditional variance path. Immutable and `Sendable`.
public struct VolatilityFit: Sendable {
  /// The model that was fitted.
  public let specification: VolatilitySpecification
  /// Parameter names in order (see `VolatilitySpecification.parameterNames`).
  public let parameterNames: [String]
  /// Estimates, in the order of `parameterNames`.
  public let parameters: [Double]
  /// Standard errors from the inverse Hessian (NaN where unavailable).
  public let standardErrors: [Double]
  /// Sandwich (QMLE-robust) standard errors, arch's default.
  public let robustStandardErrors: [Double]
  /// The maximised log-likelihood.
  public let logLikelihood: Double
  /// The number of returns fitted.
  public let observationCount: Int
  /// Whether the optimiser met a convergence criterion.
  public let isConverged: Bool
  /// Why the optimiser stopped.
  public let message: String
  /// The conditional variance of each return, `s2_t`.
  public let conditionalVariance: [Double]
  /// The residuals `e_t = r_t - mu`.
  public let residuals: [Double]
  /// Optimiser iterations (0 for EWMA).
  public let iterations: Int

  /// `k` in the information criteria: every parameter, except EWMA's fixed `lambda`.
  public var estimatedParameterCount: Int {
    if case .ewma = specification.process { return parameters.count - 1 }
    return parameters.count
  }

  /// Akaike's criterion as arch defines it: `-2 ll + 2 k`.
  public var aic: Double { -2 * logLikelihood + 2 * Double(estimatedParameterCount) }
  /// Schwarz's criterion as arch defines it: `-2 ll + k ln n`.
  public var bic: Double {
    -2 * logLikelihood + Double(estimatedParameterCount) * log(Double(observationCount))
  }

  /// The conditional volatility `s_t = sqrt(s2_t)`.
  public var conditionalVolatility: [Double] { conditionalVariance.map { $0.squareRoot() } }

  /// The estimate called `name`, if the model has it.
  public func parameter(_ name: String) -> Double? {
    parameterNames.firstIndex(of: name).map { parameters[$0] }
  }

  /// `{params, std_err, robust_std_err, loglik, aic, bic, converged[, message]}`, each of
  /// the first three an object keyed by parameter name; non-finite numbers become null.
  public func record() -> Record {
    func object(_ values: [Double]) -> Value {
      var record = Record()
      for (name, value) in zip(parameterNames, values) { record[name] = .number(value) }
      return .object(record)
    }
    var record: Record = [
      "params": object(parameters),
      "std_err": object(standardErrors),
      "robust_std_err": object(robustStandardErrors),
      "loglik": .number(logLikelihood),
      "aic": .number(aic),
      "bic": .number(bic),
      "converged": .bool(isConverged),
    ]
    if !isConverged { record["message"] = .string(message) }
    return record
  }

  /// A fit that could not start: NaN estimates and the reason.
  static func failed(
    _ specification: VolatilitySpecification, names: [String], count: Int, message: String
  ) -> VolatilityFit {
    let nans = [Double](repeating: .nan, count: names.count)
    return VolatilityFit(
      specification: specification, parameterNames: names, parameters: nans,
      standardErrors: nans, robustStandardErrors: nans, logLikelihood: .nan,
      observationCount: count, isConverged: false, message: message,
      conditionalVariance: [], residuals: [], iterations: 0)
  }
}
