import RiskMLCore
import RiskMLModels

/// The `riskml portfolio` options, parsed and checked before any data is read, so that a
/// bad value is a usage error (64) naming the option.
struct PortfolioSettings: Sendable {
  /// Where the analysed weights come from.
  enum WeightsSource: Sendable, Equatable {
    /// Optimised for the objective.
    case optimised
    /// 1/n each.
    case equal
    /// Read from an `asset,weight` file.
    case file(String)
  }

  /// Risk budgets as given: by asset name, or in column order.
  enum Budgets: Sendable, Equatable {
    case named([String: Double], order: [String])
    case positional([Double])
  }

  /// A historical window to replay.
  struct Window: Sendable, Equatable {
    var name: String
    var start: String
    var end: String
    /// Whether it came from the config file (an uncovered window is then only a warning).
    var isFromConfig: Bool
  }

  var objectiveName: String
  var riskFree: Double
  var riskAversion: Double
  var targetReturn: Double?
  var targetVolatility: Double?
  var budgets: Budgets?
  var linkage: Linkage
  var alpha: Double
  var weights: WeightsSource

  var covarianceMethod: CorrelationMethod
  /// The `--cov` name (`sample`, `ledoit-wolf`, `oas`, `ewma`).
  var covarianceName: String
  var expectedReturns: ExpectedReturnsEstimator
  var periodsPerYear: Double
  var missing: MissingDataPolicy
  var fixPSD: PSDRepairMethod?

  var lowerBound: Double
  var upperBound: Double
  var maxTurnover: Double?
  var currentPath: String?
  var leverage: Double?

  var simulations: Int
  /// Dates of history behind each VaR of the backtest; nil for one in-sample VaR.
  var backtestWindow: Int?
  var seed: UInt64
  var priceFactors: [String]
  /// Whether the price factors are the config file's default rather than asked for.
  var priceFactorsAreDefault: Bool
  var factorFile: String?
  var factorFileHoldsReturns: Bool
  var windows: [Window]
  var shocks: [(name: String, shock: Double)]
  var shockText: String?
  var scenariosPath: String?
  /// Whether `--summary FILE` was given (it also receives the scenarios).
  var writesSummary: Bool
  /// Options given on the command line that the chosen objective does not read.
  var ignoredOptions: [String] = []

  /// Option names that only one objective reads, for the "has no effect" warning.
  static let objectiveSpecific: [String: String] = [
    "risk-aversion": "mean-variance", "target-return": "target-return",
    "target-volatility": "target-volatility", "budgets": "risk-parity", "linkage": "hrp",
    "alpha": "min-cvar",
  ]

  init(options: OptionValues, configuration: Configuration) throws {
    objectiveName = try options.string("objective") ?? "min-variance"
    riskFree = try options.double("risk-free") ?? 0
    riskAversion = try options.double("risk-aversion") ?? 1
    guard riskAversion > 0 else { throw UsageError("--risk-aversion must be positive") }
    targetReturn = try options.double("target-return")
    targetVolatility = try options.double("target-volatility")
    if objectiveName == "target-return" && targetReturn == nil {
      throw UsageError("--objective target-return needs --target-return R (annual, e.g. 0.12)")
    }
    if objectiveName == "target-volatility" {
      guard let target = targetVolatility else {
        throw UsageError(
          "--objective target-volatility needs --target-volatility V (annual, e.g. 0.15)")
      }
      guard target > 0 else { throw UsageError("--target-volatility must be positive") }
    }
    budgets = try Self.budgets(options)
    linkage = try options.choice("linkage", as: Linkage.self) ?? .single
    alpha = try options.double("alpha") ?? 0.95
    guard alpha > 0 && alpha < 1 else { throw UsageError("--alpha must be in (0, 1)") }
    switch try options.string("weights") {
    case nil: weights = .optimised
    case "equal": weights = .equal
    case let path?: weights = .file(path)
    }

    let lambda = try options.double("lambda") ?? 0.94
    guard lambda > 0 && lambda < 1 else { throw UsageError("--lambda must be in (0, 1)") }
    let covName = try options.string("cov") ?? "sample"
    guard let method = CorrelationMethod(name: covName, lambda: lambda) else {
      throw UsageError("unknown --cov \(covName)")
    }
    covarianceMethod = method
    covarianceName = covName == "covariance" ? "sample" : covName
    let span = try options.double("span") ?? 500
    guard span >= 1 else { throw UsageError("--span must be at least 1") }
    switch try options.string("expected-returns") ?? "mean" {
    case "cagr": expectedReturns = .cagr
    case "ewma": expectedReturns = .ewma(span: span)
    default: expectedReturns = .mean
    }
    periodsPerYear = try options.double("periods-per-year") ?? 252
    guard periodsPerYear > 0 else { throw UsageError("--periods-per-year must be positive") }
    missing = try options.choice("missing", as: MissingDataPolicy.self) ?? .listwise
    if missing == .pairwise && !method.supportsPairwise {
      throw UsageError(
        "--missing pairwise works with --cov sample only, not \(covName); use --missing listwise")
    }

    fixPSD = try options.choice("fix-psd", as: PSDRepairMethod.self)
    (lowerBound, upperBound) = try Self.bounds(options)
    maxTurnover = try options.double("max-turnover")
    currentPath = try options.string("current")
    if let maxTurnover {
      guard maxTurnover >= 0 else { throw UsageError("--max-turnover must be 0 or more") }
      guard currentPath != nil else {
        throw UsageError("--max-turnover needs --current FILE with the weights held now")
      }
    }
    leverage = try options.double("leverage")
    if let leverage, leverage <= 0 { throw UsageError("--leverage must be positive") }

    simulations = try options.int("simulations") ?? 10_000
    guard simulations >= 2 else { throw UsageError("--simulations must be at least 2") }
    backtestWindow = try options.int("backtest-window")
    if let backtestWindow, backtestWindow < 2 {
      throw UsageError("--backtest-window must be at least 2")
    }
    seed = try options.value("seed", expected: "an integer 0 or more") { UInt64($0) } ?? 42
    (priceFactors, priceFactorsAreDefault) = try Self.priceFactors(options, configuration)
    factorFile = try options.string("factor-file")
    if factorFile != nil && priceFactorsAreDefault { priceFactors = [] }
    factorFileHoldsReturns = try options.flag("factor-returns")
    windows = try Self.windows(options, configuration)
    shockText = try options.string("shock")
    shocks =
      try shockText.map { text in
        do { return try ScenarioAnalysis.parseShocks(text) } catch let error as RiskError {
          throw UsageError("--shock: \(error.description)")
        }
      } ?? []
    scenariosPath = try options.string("scenarios")
    writesSummary = try options.string("summary") != nil
    ignoredOptions = Self.ignoredOptions(
      options.arguments, objective: objectiveName,
      weights: weights)
  }

  /// Options given on the command line that the chosen analysis does not read.
  private static func ignoredOptions(
    _ arguments: ParsedArguments, objective: String, weights: WeightsSource
  ) -> [String] {
    var ignored = objectiveSpecific.keys.sorted().filter { name in
      guard arguments.values[name] != nil else { return false }
      return weights != .optimised || objectiveSpecific[name] != objective
    }
    if weights != .optimised && arguments.values["objective"] != nil {
      ignored.insert("objective", at: 0)
    }
    return ignored.map { "--" + $0 }
  }

  /// `--bounds LO,HI`.
  private static func bounds(_ options: OptionValues) throws -> (Double, Double) {
    let pair =
      try options.value("bounds", expected: "LO,HI, e.g. 0,0.3") { text -> [Double]? in
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
          .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        return parts.count == 2 && parts.allSatisfy(\.isFinite) ? parts : nil
      } ?? [0, 1]
    guard pair[0] <= pair[1] else {
      throw UsageError("--bounds \(pair[0]),\(pair[1]): LO must not exceed HI")
    }
    return (pair[0], pair[1])
  }

  /// `--budgets A=0.5,B=0.3` or `--budgets 0.5,0.3`: positive numbers.
  private static func budgets(_ options: OptionValues) throws -> Budgets? {
    guard let items = try options.list("budgets") else { return nil }
    let expected = "ASSET=BUDGET,... or BUDGET,... with positive numbers"
    func number(_ text: Substring, item: String) throws -> Double {
      guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite,
        value > 0
      else { throw UsageError("--budgets: '\(item)' is not valid: expected \(expected)") }
      return value
    }
    if items.allSatisfy({ !$0.contains("=") }) {
      return .positional(try items.map { try number(Substring($0), item: $0) })
    }
    var named: [String: Double] = [:]
    var order: [String] = []
    for item in items {
      let parts = item.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty else {
        throw UsageError("--budgets: '\(item)' is not valid: expected \(expected)")
      }
      let name = parts[0].trimmingCharacters(in: .whitespaces)
      guard named[name] == nil else { throw UsageError("--budgets: \(name) is given twice") }
      named[name] = try number(parts[1], item: item)
      order.append(name)
    }
    return .named(named, order: order)
  }

  /// `--factors`, else `models.risk.factors` of the config file (a default that
  /// `--factor-file` replaces).
  private static func priceFactors(
    _ options: OptionValues, _ configuration: Configuration
  ) throws -> ([String], Bool) {
    let known = ["momentum", "volatility"]
    let given = try options.list("factors")
    let names: [String]
    if let given {
      names = given
    } else {
      names = (try configuration.strings(["models", "risk", "factors"])?.value) ?? []
    }
    if names == ["none"] { return ([], false) }
    for name in names where !known.contains(name) {
      let origin = given != nil ? "--factors" : "models.risk.factors"
      throw UsageError(
        "\(origin): unknown factor '\(name)': price-history factors are "
          + known.joined(separator: ", ") + " (or none); give factor series with --factor-file")
    }
    return (names, given == nil)
  }

  /// `--scenario` windows after the config file's `portfolio.scenarios`.
  private static func windows(
    _ options: OptionValues, _ configuration: Configuration
  ) throws -> [Window] {
    var windows = try PortfolioExtras(configuration: configuration).scenarios.map {
      Window(name: $0.name, start: $0.start, end: $0.end, isFromConfig: true)
    }
    for text in try options.list("scenario") ?? [] {
      let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, let start = CalendarDate(parsing: String(parts[0])),
        let end = CalendarDate(parsing: String(parts[1])), start <= end
      else {
        throw UsageError(
          "--scenario: '\(text)' is not START:END with dates YYYY-MM-DD and START <= END")
      }
      windows.append(
        Window(
          name: text, start: start.description, end: end.description,
          isFromConfig: false))
    }
    return windows
  }
}
