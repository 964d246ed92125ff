import Foundation
import Testing

/// `riskml correlation` run as a user runs it.
@Suite struct CorrelationCommandTests {
  let prices = BinaryRunner.packageRoot.appendingPathComponent("examples/prices.csv").path

  @Test func pairsIncludeTheDiagonalAndAreClamped() throws {
    let outcome = try BinaryRunner.run(["correlation", prices])
    #expect(outcome.status == 0)
    let records = outcome.records
    #expect(records.count == 15)
    for record in records {
      let value = try #require(record["value"] as? Double)
      #expect(value >= -1 && value <= 1)
      if record["a"] as? String == record["b"] as? String { #expect(value == 1) }
    }
  }

  @Test func matrixIsCSVWithClusterOrderAndSummary() throws {
    let scratch = Scratch()
    let outcome = try BinaryRunner.run([
      "correlation", "--method", "ledoit-wolf", "--matrix", "--order", "cluster",
      "--summary", scratch.path("s.json"), prices,
    ])
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.count == 6)
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(header.first == "asset")
    #expect(Set(header.dropFirst()) == ["AAPL", "JPM", "KO", "MSFT", "XOM"])
    #expect(
      lines.dropFirst().map { String($0.split(separator: ",")[0]) } == Array(header.dropFirst()))
    let summary = try #require(scratch.read("s.json"))
    for key in [
      "\"shrinkage\":", "\"smallest_eigenvalue\":", "\"condition_number\":", "\"n_obs\":1256",
    ] {
      #expect(summary.contains(key))
    }
  }

  @Test func rollingWritesOneBlockPerDate() throws {
    let outcome = try BinaryRunner.run(
      ["correlation", "--window", "250", "--columns", "AAPL,MSFT", prices])
    #expect(outcome.status == 0)
    let records = outcome.records
    #expect(records.count == 3 * (1256 - 249))
    #expect(records.last?["date"] as? String == "2022-12-28")
  }

  @Test func constantSeriesGivesNullNeverInfinity() throws {
    var text = "Date,A,B\n"
    for day in 1...20 { text += "2021-02-\(day < 10 ? "0" : "")\(day),100,\(100 + day % 3)\n" }
    let outcome = try BinaryRunner.run(["correlation"], stdin: text)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("\"a\":\"A\",\"b\":\"B\",\"value\":null"))
    #expect(!outcome.stdout.contains("inf"))
  }

  @Test func constantSeriesIsNamedNotCalledIndefinite() throws {
    var text = "Date,A,B\n"
    for day in 1...20 { text += "2021-02-\(day < 10 ? "0" : "")\(day),100,\(100 + day % 3)\n" }
    let outcome = try BinaryRunner.run(["correlation"], stdin: text)
    #expect(outcome.stderr.contains("constant series, their correlations are null: A"))
    #expect(!outcome.stderr.contains("semi-definite"))
  }

  @Test func pairwiseWarnsWhenNotPositiveSemidefinite() throws {
    let text = """
      Date,A,B,C
      2021-01-01,1,1,
      2021-01-02,2,2,
      2021-01-03,3,3,
      2021-01-04,4,,1
      2021-01-05,5,,2
      2021-01-06,6,,3
      2021-01-07,,1,3
      2021-01-08,,2,2
      2021-01-09,,3,1

      """
    let outcome = try BinaryRunner.run(
      ["correlation", "--returns", "--missing", "pairwise", "--method", "pearson"], stdin: text)
    #expect(outcome.status == 0)
    #expect(outcome.stderr.contains("not positive semi-definite"))
    let repaired = try BinaryRunner.run(
      ["correlation", "--returns", "--missing", "pairwise", "--fix-psd", "spectral"], stdin: text)
    #expect(repaired.status == 0)
    #expect(repaired.stderr.contains("repaired"))
  }

  @Test func zeroPriceIsBadDataNotANullCorrelation() throws {
    let outcome = try BinaryRunner.run(
      ["correlation"], stdin: "Date,A,B\n2020-01-01,1,2\n2020-01-02,0,3\n2020-01-03,2,2\n")
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("<stdin>:3"))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func windowLongerThanTheDataWarns() throws {
    let outcome = try BinaryRunner.run(["correlation", "--window", "5000", prices])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.isEmpty)
    #expect(outcome.stderr.contains("--window 5000"))
  }

  @Test func pairwiseWithShrinkageIsAUsageError() throws {
    let outcome = try BinaryRunner.run(
      ["correlation", "--method", "oas", "--missing", "pairwise", prices])
    #expect(outcome.status == 64)
  }
}
