import Testing

@testable import RiskMLCore

func sq(_ x: Double) -> Double { x * x }

/// Rosenbrock's banana function, minimum 0 at (1, 1).
func rosenbrock(_ x: [Double]) -> Double {
  let a = x[1] - x[0] * x[0]
  let b = 1 - x[0]
  return 100 * a * a + b * b
}

@Suite struct ConstrainedQuasiNewtonOptimizerTests {
  let optimizer = ConstrainedQuasiNewtonOptimizer()

  @Test func rosenbrockUnconstrainedReachesOneOne() {
    let region = FeasibleRegion(lower: [-5, -5], upper: [5, 5])
    let result = optimizer.minimize(
      start: [-1.2, 1], region: region, objective: rosenbrock)
    #expect(result.isConverged, "\(result.message)")
    #expect(abs(result.x[0] - 1) < 1e-4 && abs(result.x[1] - 1) < 1e-4, "\(result.x)")
  }

  @Test func rosenbrockWithActiveUpperBound() {
    // With x0 <= 0.5 the minimum is at x0 = 0.5, x1 = 0.25.
    let region = FeasibleRegion(lower: [-5, -5], upper: [0.5, 5])
    let result = optimizer.minimize(
      start: [-1.2, 1], region: region, objective: rosenbrock)
    #expect(result.isConverged, "\(result.message)")
    #expect(result.x[0] == 0.5)
    #expect(abs(result.x[1] - 0.25) < 1e-6)
    #expect(result.isOnBound == [true, false])
  }

  @Test func boundedQuadraticEndsExactlyOnLowerBound() {
    // min (x - (-1))^2 + (y - 2)^2 + x y / 2 over x >= 0: optimum x = 0 exactly, y = 2.
    let region = FeasibleRegion(lower: [0, -10], upper: [10, 10])
    let result = optimizer.minimize(start: [3, 0], region: region) { (v: [Double]) -> Double in
      sq(v[0] + 1) + sq(v[1] - 2) + 0.5 * v[0] * v[1]
    }
    #expect(result.isConverged, "\(result.message)")
    #expect(result.x[0] == 0)
    #expect(abs(result.x[1] - 2) < 1e-6)
    #expect(result.isOnBound[0])
  }

  @Test func linearInequalityBindsAtTheOptimum() {
    // min (x-1)^2 + (y-1)^2 s.t. x + y <= 1: optimum (0.5, 0.5).
    let region = FeasibleRegion(
      lower: [0, 0], upper: [2, 2],
      inequalities: [LinearInequality(coefficients: [1, 1], bound: 1)])
    let result = optimizer.minimize(start: [0.1, 0.2], region: region) { (v: [Double]) -> Double in
      sq(v[0] - 1) + sq(v[1] - 1)
    }
    #expect(result.isConverged, "\(result.message)")
    #expect(abs(result.x[0] - 0.5) < 1e-6 && abs(result.x[1] - 0.5) < 1e-6, "\(result.x)")
    #expect(region.contains(result.x))
  }

  @Test func constraintIsReleasedWhenTheOptimumIsInterior() {
    // Start on x + y = 1, but the optimum (0.2, 0.3) is strictly inside.
    let region = FeasibleRegion(
      lower: [0, 0], upper: [1, 1],
      inequalities: [LinearInequality(coefficients: [1, 1], bound: 1)])
    let result = optimizer.minimize(start: [0.5, 0.5], region: region) { (v: [Double]) -> Double in
      sq(v[0] - 0.2) + 3 * sq(v[1] - 0.3)
    }
    #expect(result.isConverged, "\(result.message)")
    #expect(abs(result.x[0] - 0.2) < 1e-6 && abs(result.x[1] - 0.3) < 1e-6, "\(result.x)")
  }

  @Test func garchLikeStationarityAndBoundTogether() {
    // The unconstrained optimum (-0.3, 1.5) violates both a >= 0 and a + b <= 0.999.
    let region = FeasibleRegion(
      lower: [0, 0], upper: [1, 1],
      inequalities: [LinearInequality(coefficients: [1, 1], bound: 0.999)])
    let result = optimizer.minimize(start: [0.1, 0.8], region: region) { (v: [Double]) -> Double in
      sq(v[0] + 0.3) + sq(v[1] - 1.5)
    }
    #expect(result.isConverged, "\(result.message)")
    #expect(result.x[0] == 0)
    #expect(abs(result.x[1] - 0.999) < 1e-9)
  }

  @Test func infeasibleStartIsReportedNotSilentlyUsed() {
    let region = FeasibleRegion(
      lower: [0, 0], upper: [1, 1],
      inequalities: [LinearInequality(coefficients: [1, 1], bound: 1)])
    let result = optimizer.minimize(start: [0.9, 0.9], region: region) {
      (v: [Double]) -> Double in v[0] + v[1]
    }
    #expect(!result.isConverged)
    #expect(result.message.contains("starting point"))
  }

  @Test func smallDenseSolverInvertsAndDetectsSingular() {
    let inverse = SmallDenseSolver.inverse([4, 7, 2, 6], n: 2)
    #expect(inverse != nil)
    let expected = [0.6, -0.7, -0.2, 0.4]
    for (a, e) in zip(inverse ?? [], expected) { #expect(abs(a - e) < 1e-12) }
    #expect(SmallDenseSolver.inverse([1, 2, 2, 4], n: 2) == nil)
  }
}
