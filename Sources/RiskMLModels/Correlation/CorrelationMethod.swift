import RiskMLCore

/// The dependence estimators `riskml correlation --method` offers.
///
/// Correlations (`pearson`, `spearman`, `kendall`) give unit-diagonal matrices clamped to
/// [-1, 1]; every other method gives a covariance matrix in the units of the returns squared
/// (one period, not annualised).
public enum CorrelationMethod: Sendable, Equatable {
  /// Pearson product-moment correlation.
  case pearson
  /// Spearman rank correlation (Pearson on average ranks; ties share their mean rank).
  case spearman
  /// Kendall's tau-b (tie-corrected), by Knight's O(n log n) algorithm.
  case kendall
  /// Sample covariance with divisor n - 1.
  case covariance
  /// Ledoit-Wolf (2004) shrinkage of the 1/n covariance towards `mu * I` (scikit-learn).
  case ledoitWolf
  /// Oracle approximating shrinkage of Chen et al. (2010), scikit-learn's formula.
  case oas
  /// RiskMetrics exponentially weighted covariance forecast with decay `lambda`.
  case ewma(lambda: Double)
  /// Ledoit-Wolf (2004) "Honey, I shrunk" towards the constant-correlation target.
  case ledoitWolfConstantCorrelation
  /// Ledoit-Wolf (2003) towards the single-factor (equal-weighted market) target.
  case ledoitWolfSingleFactor
  /// Semicovariance of returns below `benchmark`, divisor n (PyPortfolioOpt).
  case semicovariance(benchmark: Double)
  /// PyPortfolioOpt's `exp_cov`: exponentially weighted mean (pandas span) of products
  /// of returns demeaned by their plain sample means.
  case exponentialCovariance(span: Double)

  /// The name used on the command line and in summaries.
  public var name: String {
    switch self {
    case .pearson: return "pearson"
    case .spearman: return "spearman"
    case .kendall: return "kendall"
    case .covariance: return "covariance"
    case .ledoitWolf: return "ledoit-wolf"
    case .oas: return "oas"
    case .ewma: return "ewma"
    case .ledoitWolfConstantCorrelation: return "ledoit-wolf-constant-correlation"
    case .ledoitWolfSingleFactor: return "ledoit-wolf-single-factor"
    case .semicovariance: return "semicovariance"
    case .exponentialCovariance: return "exp-cov"
    }
  }

  /// Every command-line name `init(name:lambda:span:benchmark:)` accepts.
  public static let names = [
    "pearson", "spearman", "kendall", "covariance", "ledoit-wolf", "oas", "ewma",
    "ledoit-wolf-constant-correlation", "ledoit-wolf-single-factor", "semicovariance",
    "exp-cov",
  ]

  /// The method named on the command line, or nil for an unknown name.
  ///
  /// - Parameters:
  ///   - lambda: decay for `ewma` (RiskMetrics daily default 0.94).
  ///   - span: pandas span for `exp-cov` (PyPortfolioOpt default 180).
  ///   - benchmark: per-period threshold for `semicovariance` (default 0).
  public init?(name: String, lambda: Double = 0.94, span: Double = 180, benchmark: Double = 0) {
    switch name {
    case "pearson": self = .pearson
    case "spearman": self = .spearman
    case "kendall": self = .kendall
    case "covariance", "sample": self = .covariance
    case "ledoit-wolf": self = .ledoitWolf
    case "oas": self = .oas
    case "ewma": self = .ewma(lambda: lambda)
    case "ledoit-wolf-constant-correlation": self = .ledoitWolfConstantCorrelation
    case "ledoit-wolf-single-factor": self = .ledoitWolfSingleFactor
    case "semicovariance": self = .semicovariance(benchmark: benchmark)
    case "exp-cov": self = .exponentialCovariance(span: span)
    default: return nil
    }
  }

  /// Whether the result is a correlation matrix (unit diagonal) rather than a covariance.
  public var isCorrelation: Bool {
    switch self {
    case .pearson, .spearman, .kendall: return true
    default: return false
    }
  }

  /// Whether `MissingDataPolicy.pairwise` is meaningful for this method.
  public var supportsPairwise: Bool {
    switch self {
    case .pearson, .spearman, .kendall, .covariance: return true
    default: return false
    }
  }
}

/// How dates with missing (NaN) returns are treated.
public enum MissingDataPolicy: String, Sendable, CaseIterable {
  /// Drop every date on which any asset is missing.
  case listwise
  /// Each pair of assets uses the dates on which both are present; the matrix may then not
  /// be positive semi-definite.
  case pairwise
}
