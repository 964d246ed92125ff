import Foundation
import Testing

/// `riskml volatility` run as a user runs it: stdout, stderr, exit code, files.
@Suite struct VolatilityCommandTests {
  let prices = BinaryRunner.packageRoot.appendingPathComponent("examples/prices.csv").path

  @Test func fitsEveryAssetWithTheDocumentedFields() throws {
    let outcome = try BinaryRunner.run(["volatility", "--horizon", "3", prices])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty)
    let records = outcome.records
    #expect(records.map { $0["asset"] as? String } == ["AAPL", "JPM", "KO", "MSFT", "XOM"])
    for record in records {
      for key in [
        "model", "dist", "n_obs", "params", "std_err", "robust_std_err", "loglik",
        "aic", "bic", "converged", "last_date", "last_vol", "forecast",
      ] {
        #expect(record[key] != nil, "missing \(key)")
      }
      let forecast = try #require(record["forecast"] as? [[String: Any]])
      #expect(forecast.map { $0["h"] as? Int } == [1, 2, 3])
      #expect(record["last_date"] as? String == "2022-12-28")
    }
  }

  @Test func seriesModeWritesOneRecordPerDateAndAsset() throws {
    let outcome = try BinaryRunner.run([
      "volatility", "--series", "--model", "ewma",
      "--columns", "KO", "--to", "csv", prices,
    ])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.first == "date,asset,return,cond_vol")
    #expect(lines.count == 1 + 1256)
  }

  @Test func atomicOutputFileAndSummary() throws {
    let scratch = Scratch()
    let outcome = try BinaryRunner.run([
      "volatility", "--columns", "KO", "-o", scratch.path("out.jsonl"),
      "--summary", scratch.path("summary.json"), "--metrics", scratch.path("run.prom"), prices,
    ])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.isEmpty)
    #expect(scratch.read("out.jsonl")?.contains("\"asset\":\"KO\"") == true)
    let summary = try #require(scratch.read("summary.json"))
    #expect(summary.contains("\"rows_read\":1257"))
    #expect(summary.contains("\"stage_seconds\""))
    let metrics = try #require(scratch.read("run.prom"))
    #expect(metrics.contains("riskml_rows_read_total{command=\"volatility\"} 1257"))
    #expect(metrics.contains("riskml_last_success_timestamp_seconds"))
  }

  @Test func badPriceFailsWithPosition() throws {
    let outcome = try BinaryRunner.run(
      ["volatility"], stdin: "Date,A\n2020-01-01,1\n2020-01-02,abc\n")
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("<stdin>:3:2"))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func skipWritesRejectsAndExits3() throws {
    let scratch = Scratch()
    var text = "Date,A\n"
    for day in 1...28 { text += "2021-02-\(day < 10 ? "0" : "")\(day),\(100 + (day * 7) % 5)\n" }
    text += "2021-03-01,-4\n2021-03-02,101\n"
    let input = scratch.write("in.csv", text)
    let outcome = try BinaryRunner.run([
      "volatility", "--model", "ewma", "--on-error", "skip", "--rejects",
      scratch.path("rejects.jsonl"), input,
    ])
    #expect(outcome.status == 3)
    let rejects = try #require(scratch.read("rejects.jsonl"))
    #expect(rejects.contains("\"line\":30"))
    #expect(rejects.contains("positive price"))
  }

  @Test(arguments: [
    ("Date,A\n", "header but no data"),
    ("", "empty"),
    ("Date,A\n2020-01-02,1\n2020-01-01,2\n", "comes before"),
    ("Date,A\n2020-01-01,1,2\n", "expected 2 fields"),
    ("Date,A\n2020-01-01,1\n2020-01-02,0X10\n", "found '0X10'"),
    ("Date,A\n2020-01-01,1\n2020-01-02,2\u{0}5\n", "expected a finite number"),
  ])
  func badInputsAreExplained(_ input: String, _ phrase: String) throws {
    let outcome = try BinaryRunner.run(["volatility"], stdin: input)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains(phrase), "\(outcome.stderr)")
  }

  @Test func invalidUTF8IsExplained() throws {
    let scratch = Scratch()
    let path = scratch.write(
      "bad.csv", bytes: Array("Date,A\n2020-01-01,".utf8) + [0xC3, 0x28, 0x0A])
    let outcome = try BinaryRunner.run(["volatility", path])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("invalid UTF-8"))
  }

  @Test func constantSeriesIsNotConvergedNotGarbage() throws {
    var text = "Date,A\n"
    for day in 1...28 { text += "2021-02-\(day < 10 ? "0" : "")\(day),100\n" }
    let outcome = try BinaryRunner.run(["volatility"], stdin: text)
    let record = try #require(outcome.records.first)
    #expect(record["converged"] as? Bool == false)
    #expect((record["message"] as? String)?.contains("constant") == true)
  }

  @Test func rangeEstimatorWritesOneRecordPerFullWindow() throws {
    let bars = BinaryRunner.packageRoot.appendingPathComponent("examples/sp500_ohlc.csv").path
    let outcome = try BinaryRunner.run([
      "volatility", "--model", "parkinson", "--window", "10", bars,
    ])
    #expect(outcome.status == 0)
    let records = outcome.records
    #expect(records.count == 504 - 9)
    #expect(records.allSatisfy { ($0["vol"] as? Double).map { $0 > 0 && $0 < 1 } ?? false })
    let missing = try BinaryRunner.run(["volatility", "--model", "parkinson", prices])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("no column 'Open'"))
  }

  @Test func rangeEstimatorKeepsToStartAndEnd() throws {
    let bars = BinaryRunner.packageRoot.appendingPathComponent("examples/sp500_ohlc.csv").path
    let outcome = try BinaryRunner.run([
      "volatility", "--model", "parkinson", "--window", "5", "--start", "2018-06-01",
      "--end", "2018-06-30", bars,
    ])
    #expect(outcome.status == 0)
    let dates = outcome.records.compactMap { $0["date"] as? String }
    #expect(dates.count == 21 - 4)
    #expect(dates.allSatisfy { $0 >= "2018-06-01" && $0 <= "2018-06-30" })
  }

  @Test func zeroPriceUnderSimpleReturnsIsBadData() throws {
    let outcome = try BinaryRunner.run(
      ["volatility", "--return-type", "simple"], stdin: "Date,A\n2020-01-01,1\n2020-01-02,0\n")
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("<stdin>:3"))
    #expect(outcome.stderr.contains("positive price"))
  }

  @Test func assetWithoutReturnsIsReportedNotDropped() throws {
    for text in ["Date,A\n2020-01-01,1\n", "Date,A,B\n2020-01-01,,1\n2020-01-02,,2\n"] {
      let outcome = try BinaryRunner.run(["volatility", "-q"], stdin: text)
      #expect(outcome.status == 0)
      let record = try #require(outcome.records.first { $0["asset"] as? String == "A" })
      #expect(record["n_obs"] as? Int == 0)
      #expect(record["converged"] as? Bool == false)
    }
  }

  @Test func emptyColumnListIsAUsageError() throws {
    let outcome = try BinaryRunner.run(["volatility", "--columns", "", prices])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("--columns"))
  }

  @Test func dateRangeWithoutDatesIsAUsageError() throws {
    let outcome = try BinaryRunner.run(
      ["volatility", "--returns", "--start", "2020-01-01"], stdin: "R\n0.1\n-0.2\n")
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("date column"))
  }

  @Test func mistypedColumnSuggests() throws {
    let outcome = try BinaryRunner.run(["volatility", "--columns", "KOO", prices])
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("did you mean 'KO'"))
  }

  @Test func windowLongerThanTheDataWarns() throws {
    let bars = BinaryRunner.packageRoot.appendingPathComponent("examples/sp500_ohlc.csv").path
    let range = try BinaryRunner.run(
      ["volatility", "--model", "parkinson", "--window", "600", bars])
    #expect(range.status == 0)
    #expect(range.stdout.isEmpty)
    #expect(range.stderr.contains("--window 600"))
  }

  @Test func scaleMustBePositive() throws {
    for scale in ["0", "-100"] {
      let outcome = try BinaryRunner.run(["volatility", "--scale", scale, prices])
      #expect(outcome.status == 64)
      #expect(outcome.stderr.contains("--scale must be positive"))
    }
  }

  @Test func dateColumnIsNotAnAsset() throws {
    let outcome = try BinaryRunner.run(["volatility", "--columns", "Date,KO", prices])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("date column 'Date'"))
  }

  @Test func poorlyScaledReturnsAreNotReportedAsConverged() throws {
    var state: UInt64 = 42
    var text = "r\n"
    for _ in 0..<1500 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      let uniform = Double(state >> 11) / Double(1 << 53)
      text += "\((uniform - 0.5) * 1e-6)\n"
    }
    let outcome = try BinaryRunner.run(["volatility", "--returns"], stdin: text)
    let record = try #require(outcome.records.first)
    #expect(record["converged"] as? Bool == false)
    #expect(record["message"] as? String != nil)
    #expect(outcome.stderr.contains("consider --scale"))
  }

  @Test func inconsistentBarIsRejected() throws {
    let bars = "Date,Open,High,Low,Close\n2020-01-01,10,11,9,10\n2020-01-02,10,9,11,10\n"
    let outcome = try BinaryRunner.run(
      ["volatility", "--model", "parkinson", "--window", "2"],
      stdin: bars)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("<stdin>:3 (High)"))
  }

  @Test func optionRangesNameTheirOrigin() throws {
    let scratch = Scratch()
    let config = scratch.write("c.yaml", "volatility:\n  horizon: -5\n")
    let fromFile = try BinaryRunner.run(["volatility", "--config", config, prices])
    #expect(fromFile.status == 78)
    #expect(fromFile.stderr.contains("c.yaml:2"))
    let fromFlag = try BinaryRunner.run(["volatility", "--horizon", "100000000", prices])
    #expect(fromFlag.status == 64)
    let reversed = try BinaryRunner.run(
      ["volatility", "--start", "2021-01-01", "--end", "2020-01-01", prices])
    #expect(reversed.status == 64)
  }

  @Test func brokenPipeEndsQuietly() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    let binary = BinaryRunner.executable.path
    process.arguments = [
      "-c", "'\(binary)' volatility --series --model ewma '\(prices)' | head -1",
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(stderr.isEmpty)
  }
}
