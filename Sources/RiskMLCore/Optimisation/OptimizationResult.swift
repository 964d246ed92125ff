/// The outcome of a constrained minimisation.
public struct OptimizationResult: Sendable {
  /// The final point (always feasible).
  public var x: [Double]
  /// The objective at `x`.
  public var value: Double
  /// The gradient at `x` (analytic, or central differences).
  public var gradient: [Double]
  /// The largest component of the gradient projected onto the active constraints'
  /// null space: the first-order optimality measure.
  public var projectedGradientNorm: Double
  /// Quasi-Newton iterations taken.
  public var iterations: Int
  /// Objective evaluations, gradient evaluations included.
  public var evaluations: Int
  /// Which parameters ended exactly on a lower or upper bound.
  public var isOnBound: [Bool]
  /// Whether a convergence criterion was met.
  public var isConverged: Bool
  /// Why the optimiser stopped, in words.
  public var message: String

  public init(
    x: [Double], value: Double, gradient: [Double], projectedGradientNorm: Double,
    iterations: Int, evaluations: Int, isOnBound: [Bool], isConverged: Bool, message: String
  ) {
    self.x = x
    self.value = value
    self.gradient = gradient
    self.projectedGradientNorm = projectedGradientNorm
    self.iterations = iterations
    self.evaluations = evaluations
    self.isOnBound = isOnBound
    self.isConverged = isConverged
    self.message = message
  }
}
