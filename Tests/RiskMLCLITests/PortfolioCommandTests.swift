import Foundation
import Testing

/// `riskml portfolio` run as a user runs it: weights, risk report, constraints from the
/// config file, scenarios, factors and the errors that say what to change.
@Suite struct PortfolioCommandTests {
  let prices = BinaryRunner.packageRoot.appendingPathComponent("examples/prices.csv").path
  let assets = ["AAPL", "JPM", "KO", "MSFT", "XOM"]

  /// Runs `riskml portfolio --no-config arguments... prices`.
  func portfolio(_ arguments: [String], config: Bool = false) throws -> BinaryRunner.Outcome {
    try BinaryRunner.run(["portfolio"] + (config ? [] : ["--no-config"]) + arguments + [prices])
  }

  func weights(_ outcome: BinaryRunner.Outcome) -> [String: Double] {
    var result: [String: Double] = [:]
    for record in outcome.records {
      if let asset = record["asset"] as? String, let weight = record["weight"] as? Double {
        result[asset] = weight
      }
    }
    return result
  }

  func json(_ text: String?) throws -> [String: Any] {
    let data = Data(try #require(text).utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func minVarianceWeightsSumToOneWithinBounds() throws {
    let outcome = try portfolio(["--bounds", "0.05,0.5"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty)
    #expect(outcome.records.map { $0["asset"] as? String } == assets)
    for record in outcome.records {
      for key in ["weight", "risk_contribution", "risk_contribution_fraction"] {
        #expect(record[key] is Double, "missing \(key)")
      }
    }
    let w = weights(outcome)
    #expect(abs(w.values.reduce(0, +) - 1) < 1e-8)
    for (asset, weight) in w {
      #expect(weight >= 0.05 - 1e-9 && weight <= 0.5 + 1e-9, "\(asset) \(weight)")
    }
  }

  @Test func equalWeightsAreAnalysedWithoutOptimising() throws {
    let scratch = Scratch()
    let outcome = try portfolio(["--weights", "equal", "--summary", scratch.path("s.json")])
    #expect(outcome.status == 0)
    for weight in weights(outcome).values { #expect(abs(weight - 0.2) < 1e-15) }
    let summary = try json(scratch.read("s.json"))
    #expect(summary["objective"] as? String == "equal")
    #expect(summary["iterations"] as? Int == 0)
    let contributions = outcome.records.compactMap { $0["risk_contribution"] as? Double }
    let volatility = try #require(summary["volatility"] as? Double)
    #expect(abs(contributions.reduce(0, +) - volatility) < 1e-12)
  }

  @Test func givenWeightsFileAndUnknownAsset() throws {
    let scratch = Scratch()
    let file = scratch.write("w.csv", "asset,weight\nAAPL,0.6\nKO,0.4\n")
    let outcome = try portfolio(["--weights", file])
    #expect(outcome.status == 0)
    #expect(weights(outcome) == ["AAPL": 0.6, "JPM": 0, "KO": 0.4, "MSFT": 0, "XOM": 0])
    #expect(outcome.stderr.contains("no weight for JPM, MSFT, XOM"))

    let bad = scratch.write("bad.csv", "asset,weight\nAAPL,0.5\nNVDA,0.5\n")
    let failed = try portfolio(["--weights", bad])
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("bad.csv:3"))
    #expect(failed.stderr.contains("AAPL, JPM, KO, MSFT, XOM"))
  }

  @Test func summaryHoldsTheRiskReport() throws {
    let scratch = Scratch()
    let outcome = try portfolio(["--simulations", "20000", "--summary", scratch.path("s.json")])
    #expect(outcome.status == 0)
    let summary = try json(scratch.read("s.json"))
    for key in ["expected_return", "volatility", "sharpe", "kkt_residual", "max_drawdown"] {
      #expect(summary[key] is Double, "missing \(key)")
    }
    #expect(summary["iterations"] is Int)
    let covariance = try #require(summary["covariance"] as? [String: Any])
    #expect(covariance["method"] as? String == "sample")
    #expect(covariance["n_obs"] as? Int == 1256)
    for measure in ["var", "es"] {
      let table = try #require(summary[measure] as? [String: Any])
      for method in ["historical", "normal", "cornish_fisher", "monte_carlo"] {
        let levels = try #require(table[method] as? [String: Any], "\(measure).\(method)")
        for level in ["0.95", "0.99"] {
          let value = try #require(levels[level] as? Double, "\(measure).\(method).\(level)")
          #expect(value > 0 && value < 0.2)
        }
      }
    }
    let backtests = try #require(summary["var_backtest"] as? [[String: Any]])
    #expect(backtests.map { $0["confidence"] as? Double } == [0.95, 0.99])
    for test in backtests {
      for key in ["kupiec_lr", "kupiec_p", "christoffersen_lr", "christoffersen_p"] {
        #expect(test[key] is Double, "missing \(key)")
      }
      #expect(test["observations"] as? Int == 1256)
    }
  }

  @Test func rollingBacktestUsesOnlyEarlierDates() throws {
    let scratch = Scratch()
    let outcome = try portfolio(["--backtest-window", "250", "--summary", scratch.path("s.json")])
    #expect(outcome.status == 0)
    let summary = try json(scratch.read("s.json"))
    let backtests = try #require(summary["var_backtest"] as? [[String: Any]])
    #expect(backtests.map { $0["observations"] as? Int } == [1006, 1006])
  }

  @Test func riskParityEqualisesContributions() throws {
    let outcome = try portfolio(["--objective", "risk-parity"])
    #expect(outcome.status == 0)
    let fractions = outcome.records.compactMap { $0["risk_contribution_fraction"] as? Double }
    #expect(fractions.count == 5)
    for fraction in fractions { #expect(abs(fraction - 0.2) < 1e-8) }

    let budgeted = try portfolio(
      ["--objective", "risk-parity", "--budgets", "AAPL=2,JPM=1,KO=1,MSFT=2,XOM=2"])
    #expect(budgeted.status == 0)
    let shares = budgeted.records.compactMap { $0["risk_contribution_fraction"] as? Double }
    for (share, budget) in zip(shares, [2.0, 1, 1, 2, 2]) {
      #expect(abs(share - budget / 8) < 1e-8)
    }
  }

  @Test(arguments: [
    ["--budgets", "AAPL=x"], ["--budgets", "1,2"], ["--budgets", "AAPL=1,NVDA=1"],
    ["--budgets", "1,1,1,1,-1"],
  ])
  func badBudgetsAreUsageErrors(_ arguments: [String]) throws {
    let outcome = try portfolio(["--objective", "risk-parity"] + arguments)
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("--budgets"))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func infeasibleBoundsExitOneNamingTheConstraint() throws {
    let outcome = try portfolio(["--bounds", "0,0.1"])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("the constraints cannot all hold"))
    #expect(outcome.stderr.contains("--bounds HI to at least 0.2"))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func unattainableTargetsSayWhatToChange() throws {
    let sharpe = try portfolio(["--objective", "max-sharpe", "--risk-free", "0.9"])
    #expect(sharpe.status == 1)
    #expect(sharpe.stderr.contains("lower --risk-free"))
    let target = try portfolio(["--objective", "target-return", "--target-return", "0.9"])
    #expect(target.status == 1)
    #expect(target.stderr.contains("attainable range"))
    let missing = try portfolio(["--objective", "target-volatility"])
    #expect(missing.status == 64)
  }

  @Test func configGroupCapAndAssetBoundsAreHonoured() throws {
    let scratch = Scratch()
    let config = scratch.write(
      "riskml.yaml",
      """
      portfolio:
        asset_bounds:
          AAPL: [0.1, 0.3]
        groups:
          defensive: {assets: [KO, XOM], max: 0.5}

      """)
    let free = weights(try portfolio([]))
    #expect(try #require(free["KO"]) > 0.5)
    let outcome = try BinaryRunner.run(["portfolio", "--config", config, prices])
    #expect(outcome.status == 0)
    let w = weights(outcome)
    #expect(try #require(w["KO"]) + #require(w["XOM"]) <= 0.5 + 1e-9)
    #expect(try #require(w["AAPL"]) >= 0.1 - 1e-9)
    #expect(abs(w.values.reduce(0, +) - 1) < 1e-8)
  }

  @Test func configAssetTheInputLacksIsAConfigError() throws {
    let scratch = Scratch()
    let config = scratch.write(
      "riskml.yaml",
      """
      portfolio:
        groups:
          tech: {assets: [AAPL, NVDA], max: 0.5}

      """)
    let outcome = try BinaryRunner.run(["portfolio", "--config", config, prices])
    #expect(outcome.status == 78)
    #expect(outcome.stderr.contains("riskml.yaml:3"))
    #expect(outcome.stderr.contains("NVDA"))
    #expect(outcome.stderr.contains("AAPL, JPM, KO, MSFT, XOM"))
  }

  @Test func scenarioWindowAndShockRecords() throws {
    let scratch = Scratch()
    let outcome = try portfolio([
      "--weights", "equal", "--scenario", "2020-02-19:2020-03-23", "--shock", "AAPL=-0.2",
      "--scenarios", scratch.path("sc.jsonl"),
    ])
    #expect(outcome.status == 0)
    let lines = try #require(scratch.read("sc.jsonl")).split(separator: "\n")
    #expect(lines.count == 2)
    let covid = try json(String(lines[0]))
    #expect(covid["scenario"] as? String == "2020-02-19:2020-03-23")
    #expect(covid["n_obs"] as? Int == 24)
    let pnl = try #require(covid["pnl"] as? Double)
    let drawdown = try #require(covid["max_drawdown"] as? Double)
    #expect(pnl < -0.2 && drawdown >= -pnl - 1e-12)
    let shock = try json(String(lines[1]))
    #expect(abs(try #require(shock["pnl"] as? Double) + 0.04) < 1e-12)

    let uncovered = try portfolio(["--scenario", "2008-09-12:2009-03-09"])
    #expect(uncovered.status == 65)
    #expect(uncovered.stderr.contains("2018-01-03 to 2022-12-28"))
  }

  @Test func turnoverCapFromCurrentWeights() throws {
    let scratch = Scratch()
    let current = scratch.write("held.csv", "asset,weight\nAAPL,0.5\nKO,0.5\n")
    let outcome = try portfolio([
      "--max-turnover", "0.1", "--current", current, "--summary", scratch.path("s.json"),
    ])
    #expect(outcome.status == 0)
    let summary = try json(scratch.read("s.json"))
    #expect(try #require(summary["turnover"] as? Double) <= 0.1 + 1e-8)
    let missing = try portfolio(["--max-turnover", "0.1"])
    #expect(missing.status == 64)
  }

  @Test func priceFactorsGiveExposuresAndFactorShocks() throws {
    let scratch = Scratch()
    let outcome = try portfolio([
      "--factors", "momentum,volatility", "--shock", "momentum=-0.1",
      "--summary", scratch.path("s.json"),
    ])
    #expect(outcome.status == 0)
    for record in outcome.records {
      for key in ["alpha", "beta_momentum", "beta_volatility", "r_squared"] {
        #expect(record[key] is Double, "missing \(key)")
      }
    }
    let summary = try json(scratch.read("s.json"))
    let factors = try #require(summary["factors"] as? [String: Any])
    let portfolio = try #require(factors["portfolio"] as? [String: Any])
    let beta = try #require(portfolio["beta_momentum"] as? Double)
    let decomposition = try #require(factors["decomposition"] as? [String: Any])
    let total = try #require(decomposition["total_variance"] as? Double)
    let parts =
      try #require(decomposition["factor_variance"] as? Double)
      + #require(decomposition["specific_variance"] as? Double)
    #expect(abs(total - parts) < 1e-12 * max(1, total) + 1e-15)
    let scenarios = try #require(summary["scenarios"] as? [[String: Any]])
    #expect(abs(try #require(scenarios.first?["pnl"] as? Double) + 0.1 * beta) < 1e-12)
  }

  @Test func configFileFactorsAreTheDefault() throws {
    let outcome = try portfolio([], config: true)
    #expect(outcome.status == 0)
    #expect(outcome.records.first?["beta_momentum"] is Double)
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func reproducesPyPortfolioOptMinimumVolatility() throws {
    let reference = try json(
      try String(
        contentsOfFile: SharedData.path("reference/portfolio_sp500_20.json"),
        encoding: .utf8))
    let expected = try #require(
      (reference["min_volatility"] as? [String: Any])?["weights"] as? [String: Double])
    let outcome = try BinaryRunner.run([
      "portfolio", "--no-config", "--start", "2018-01-01",
      SharedData.path("data/prices/sp500_20_stocks_1990_2022.csv"),
    ])
    #expect(outcome.status == 0)
    let w = weights(outcome)
    #expect(w.count == 20)
    for (asset, weight) in expected {
      #expect(abs(try #require(w[asset]) - weight) < 1e-5, "\(asset)")
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func factorFileIsAlignedByDate() throws {
    let outcome = try BinaryRunner.run([
      "portfolio", "--no-config", "--start", "2007-01-01", "--objective", "hrp",
      "--factor-file", SharedData.path("data/prices/factor_etfs_2014_2022.csv"),
      SharedData.path("data/prices/sp500_20_stocks_1990_2022.csv"),
    ])
    #expect(outcome.status == 0)
    let first = try #require(outcome.records.first)
    for factor in ["MTUM", "QUAL", "SIZE", "USMV", "VLUE"] {
      #expect(first["beta_\(factor)"] is Double, "missing beta_\(factor)")
    }
  }
}
