/// Failures of a matrix decomposition.
public enum LinearAlgebraError: RiskMLError, Equatable {
  /// The matrix is not positive definite (Cholesky failed at the given leading minor).
  case notPositiveDefinite(minor: Int)
  /// The matrix is singular to working precision.
  case singular
  /// LAPACK reported an error code for the named routine.
  case lapackFailure(routine: String, info: Int32)

  public var exitCode: ExitCode { .failure }

  public var description: String {
    switch self {
    case .notPositiveDefinite(let minor):
      return "matrix is not positive definite (leading minor \(minor) is not positive)"
    case .singular:
      return "matrix is singular"
    case .lapackFailure(let routine, let info):
      return "LAPACK \(routine) failed with info \(info)"
    }
  }
}
