import Testing

@testable import RiskMLCore
@testable import RiskMLModels

/// Checks against ../shared/reference/small/covariance_10x3.txt, whose data and expected
/// values (numpy, scikit-learn 1.9, PyPortfolioOpt 1.6, pandas) are written out here; the
/// file's tolerance is 1e-9 relative.
@Suite struct Covariance10x3Tests {
  static let x = Matrix([
    [0.01, -0.02, 0.015], [-0.005, 0.01, -0.01], [0.02, 0.005, 0.012],
    [-0.015, -0.01, -0.02], [0, 0.02, 0.005], [0.012, -0.005, 0.008],
    [-0.008, 0.015, -0.004], [0.004, -0.012, 0.01], [0.007, 0.003, -0.006],
    [-0.011, 0.008, -0.009],
  ])
  static let names = ["A", "B", "C"]

  /// The file prints matrices to 9 significant digits (correlations to 8 decimals), so
  /// 1e-9 relative applies to the figures printed in full (shrinkage intensities, the
  /// forecast); matrix entries are checked to half a unit of their last printed digit.
  static func expectMatrix(
    _ actual: Matrix, relative: Double = 5e-9, absolute: Double = 0, _ expected: [[Double]]
  ) {
    for i in 0..<3 {
      for j in 0..<3 {
        #expect(
          isClose(actual[i, j], expected[i][j], relative: relative, absolute: absolute),
          "(\(i), \(j)): \(actual[i, j]) vs \(expected[i][j])")
      }
    }
  }

  @Test func sampleCovarianceDdof1() {
    Self.expectMatrix(
      SampleCovariance.covariance(Self.x),
      [
        [1.24933333e-04, -3.49555556e-05, 1.07066667e-04],
        [-3.49555556e-05, 1.63600000e-04, -3.90444444e-05],
        [1.07066667e-04, -3.90444444e-05, 1.32322222e-04],
      ])
  }

  @Test func empiricalCovarianceDdof0() {
    Self.expectMatrix(
      SampleCovariance.covariance(Self.x, ddof: 0),
      [
        [1.1244e-04, -3.1460e-05, 9.6360e-05],
        [-3.1460e-05, 1.4724e-04, -3.5140e-05],
        [9.6360e-05, -3.5140e-05, 1.1909e-04],
      ])
  }

  @Test func ledoitWolfSklearn() {
    let result = ShrinkageEstimator.ledoitWolf(Self.x)
    #expect(isClose(result.shrinkage, 0.5184651418413851, relative: 1e-9))
    Self.expectMatrix(
      result.matrix,
      [
        [1.19603460e-04, -1.51490866e-05, 4.64006989e-05],
        [-1.51490866e-05, 1.36360873e-04, -1.69211349e-05],
        [4.64006989e-05, -1.69211349e-05, 1.22805667e-04],
      ])
  }

  @Test func ledoitWolfAssumeCenteredSklearn() {
    let result = ShrinkageEstimator.ledoitWolf(Self.x, assumeCentered: true)
    #expect(isClose(result.shrinkage, 0.5003768126947498, relative: 1e-9))
  }

  @Test func oasSklearn() {
    let result = ShrinkageEstimator.oas(Self.x)
    #expect(isClose(result.shrinkage, 0.8245933710437878, relative: 1e-9))
    Self.expectMatrix(
      result.matrix,
      [
        [1.23833132e-04, -5.51829255e-06, 1.69021828e-05],
        [-5.51829255e-06, 1.29937282e-04, -6.16378894e-06],
        [1.69021828e-05, -6.16378894e-06, 1.24999586e-04],
      ])
  }

  @Test func shrunkCovarianceFixedIntensities() {
    let mle = SampleCovariance.covariance(Self.x, ddof: 0)
    Self.expectMatrix(
      ShrinkageEstimator.shrunk(mle, intensity: 0.1),
      [
        [1.13821667e-04, -2.83140000e-05, 8.67240000e-05],
        [-2.83140000e-05, 1.45141667e-04, -3.16260000e-05],
        [8.67240000e-05, -3.16260000e-05, 1.19806667e-04],
      ])
    let sample = SampleCovariance.covariance(Self.x)
    Self.expectMatrix(
      ShrinkageEstimator.shrunk(sample, intensity: 0.2),
      [
        [1.28003704e-04, -2.79644444e-05, 8.56533333e-05],
        [-2.79644444e-05, 1.58937037e-04, -3.12355556e-05],
        [8.56533333e-05, -3.12355556e-05, 1.33914815e-04],
      ])
  }

  @Test func ledoitWolfSingleFactorPyPortfolioOpt() {
    let result = StructuredShrinkage.singleFactor(Self.x)
    #expect(isClose(result.shrinkage, 0.14564351129306935, relative: 1e-9))
    Self.expectMatrix(
      result.matrix,
      [
        [1.12440000e-04, -2.21259417e-05, 9.29514557e-05],
        [-2.21259417e-05, 1.47240000e-04, -2.51903876e-05],
        [9.29514557e-05, -2.51903876e-05, 1.19090000e-04],
      ])
  }

  @Test func ledoitWolfConstantCorrelationPyPortfolioOpt() {
    let result = StructuredShrinkage.constantCorrelation(Self.x)
    #expect(isClose(result.shrinkage, 0.26842294593011296, relative: 1e-9))
    Self.expectMatrix(
      result.matrix,
      [
        [1.24933333e-04, -2.14429220e-05, 8.20415824e-05],
        [-2.14429220e-05, 1.63600000e-04, -2.43138909e-05],
        [8.20415824e-05, -2.43138909e-05, 1.32322222e-04],
      ])
  }

  @Test func semicovariancePyPortfolioOpt() {
    Self.expectMatrix(
      SampleCovariance.semicovariance(Self.x),
      [
        [4.35e-05, 1.50e-05, 4.81e-05], [1.50e-05, 6.69e-05, 2.00e-05],
        [4.81e-05, 2.00e-05, 6.33e-05],
      ])
  }

  @Test func expCovSpan10PyPortfolioOpt() {
    Self.expectMatrix(
      ExponentialCovariance.pyPortfolioOpt(Self.x, span: 10),
      [
        [9.85968497e-05, -3.70897523e-05, 7.25720984e-05],
        [-3.70897523e-05, 1.14401779e-04, -3.51238595e-05],
        [7.25720984e-05, -3.51238595e-05, 9.19538599e-05],
      ])
  }

  @Test func pandasEwmSpan10CovAndCorr() {
    let cov = ExponentialCovariance.pandas(Self.x, alpha: 2.0 / 11, adjust: true)
    Self.expectMatrix(
      cov,
      [
        [1.10824066e-04, -4.04803254e-05, 8.09306332e-05],
        [-4.04803254e-05, 1.29820398e-04, -3.82651115e-05],
        [8.09306332e-05, -3.82651115e-05, 1.03291156e-04],
      ])
    let corr = SampleCovariance.correlation(fromCovariance: cov, constant: [false, false, false])
    Self.expectMatrix(
      corr, absolute: 5e-9,
      [
        [1, -0.33748579, 0.75642231], [-0.33748579, 1, -0.33044558],
        [0.75642231, -0.33044558, 1],
      ])
  }

  @Test func pandasEwmAlphaUnadjustedCov() {
    Self.expectMatrix(
      ExponentialCovariance.pandas(Self.x, alpha: 0.06, adjust: false),
      [
        [1.07676310e-04, -9.85642054e-05, 1.15670953e-04],
        [-9.85642054e-05, 2.79315395e-04, -1.51611389e-04],
        [1.15670953e-04, -1.51611389e-04, 1.67724834e-04],
      ])
  }

  @Test func pandasPearsonCorrelation() throws {
    let estimate = try CorrelationEstimator(method: .pearson).estimate(Self.x, assets: Self.names)
    Self.expectMatrix(
      estimate.matrix, absolute: 5e-9,
      [
        [1, -0.24450368, 0.83271948], [-0.24450368, 1, -0.26536962],
        [0.83271948, -0.26536962, 1],
      ])
  }

  @Test func riskMetricsVariancePathAndForecast() {
    let (path, forecast) = ExponentialCovariance.riskMetricsVariancePath(
      Self.x.column(0), lambda: 0.94)
    let expected = [
      1.00000000e-04, 1.00000000e-04, 9.55000000e-05, 1.13770000e-04, 1.20443800e-04,
      1.13217172e-04, 1.15064142e-04, 1.12000293e-04, 1.06240276e-04, 1.02805859e-04,
    ]
    for (a, e) in zip(path, expected) { #expect(isClose(a, e, relative: 5e-9)) }
    #expect(isClose(forecast, 0.00010389750750995267, relative: 1e-9))
    let matrix = ExponentialCovariance.riskMetrics(Self.x, lambda: 0.94)
    #expect(isClose(matrix[0, 0], 0.00010389750750995267, relative: 1e-12))
  }

  @Test func rollingWindow5MatchesPandas() throws {
    let rolling = try RollingEstimator(method: .covariance, window: 5).estimates(Self.x)
    let cov = [-2.500e-06, 2.300e-05, 6.250e-06, -1.670e-05, -6.750e-05, -7.555e-05]
    #expect(rolling.count == 6)
    for (r, e) in zip(rolling, cov) {
      #expect(isClose(r.matrix[0, 1], e, relative: 1e-9, absolute: 1e-20))
    }
    let corr = try RollingEstimator(method: .pearson, window: 5).estimates(Self.x)
    let expected = [-0.0115888, 0.13930379, 0.03431038, -0.10737621, -0.66881202, -0.71998795]
    for (r, e) in zip(corr, expected) {
      #expect(isClose(r.matrix[0, 1], e, relative: 0, absolute: 5e-9))
    }
    #expect(corr.map(\.endIndex) == Array(4..<10))
  }

  static let indefinite = Matrix([[1, 0.9, 0.7], [0.9, 1, -0.6], [0.7, -0.6, 1]])

  @Test func eigenvaluesOfIndefiniteMatrix() throws {
    let values = try Self.indefinite.symmetricEigenvalues()
    for (a, e) in zip(values, [-0.47406496, 1.56282175, 1.91124321]) {
      #expect(isClose(a, e, relative: 0, absolute: 5e-9))
    }
  }

  @Test func spectralFixPyPortfolioOpt() throws {
    let fixed = try PSDRepair.repair(Self.indefinite, method: .spectral, unitDiagonal: false)
    Self.expectMatrix(
      fixed, absolute: 5e-9,
      [
        [1.17688563, 0.72957454, 0.54663144], [0.72957454, 1.16420123, -0.45223273],
        [0.54663144, -0.45223273, 1.1329781],
      ])
  }

  @Test func diagFixPyPortfolioOpt() throws {
    let fixed = try PSDRepair.repair(Self.indefinite, method: .diag, unitDiagonal: false)
    Self.expectMatrix(
      fixed, absolute: 5e-9,
      [
        [1.52147145, 0.9, 0.7], [0.9, 1.52147145, -0.6], [0.7, -0.6, 1.52147145],
      ])
  }
}
