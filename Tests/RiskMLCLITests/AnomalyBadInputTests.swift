import Foundation
import Testing

/// `riskml anomaly` on input it cannot use: each case exits with its code and says why.
@Suite struct AnomalyBadInputTests {
  @Test(arguments: [
    ("", "the input is empty"),
    ("id,a,b\n", "header but no data rows"),
    ("id,a,b\n1,NaN,2\n2,1,2\n", "<stdin>:2:2 (a): missing value"),
    ("id,a,b\n1,2,2\n2,-inf,2\n", "<stdin>:3:2 (a): expected a finite number, found '-inf'"),
    ("id,a,b\nx,y,z\nu,v,w\n", "no numeric columns"),
  ])
  func badTablesExit65(input: String, message: String) throws {
    let outcome = try BinaryRunner.run(["anomaly", "--no-config"], stdin: input)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains(message))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func constantFeatureIsNamed() throws {
    var text = "a,k\n"
    for row in 0..<20 { text += "\(row),5\n" }
    let outcome = try BinaryRunner.run(["anomaly", "--no-config", "-a", "zscore"], stdin: text)
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("feature 'k'"))
    #expect(outcome.stderr.contains("constant"))
  }

  @Test func modelFileThatIsNotAModel() throws {
    let scratch = Scratch()
    let data = scratch.write("t.csv", AnomalyTables.transactions(rows: 20))
    for (name, content, reason) in [
      ("prices.csv", "Date,A\n2020-01-01,1\n", "not a JSON object"),
      ("other.json", "{\"weights\":[1,2]}", "no key"),
    ] {
      let path = scratch.write(name, content)
      let outcome = try BinaryRunner.run(["anomaly", "score", "--no-config", "-m", path, data])
      #expect(outcome.status == 65)
      #expect(outcome.stderr.contains("\(path): not a riskml anomaly model (\(reason)"))
    }
    let absent = try BinaryRunner.run(
      ["anomaly", "score", "--no-config", "-m", scratch.path("none.json"), data])
    #expect(absent.status == 66)
  }

  @Test func scoredFileLackingAModelFeature() throws {
    let scratch = Scratch()
    let data = scratch.write("t.csv", AnomalyTables.transactions(rows: 50))
    let model = scratch.path("m.json")
    let fit = try BinaryRunner.run(
      ["anomaly", "fit", "--no-config", "-x", "id", "-o", model, data])
    #expect(fit.status == 0)
    let outcome = try BinaryRunner.run(
      ["anomaly", "score", "--no-config", "-m", model], stdin: "id,a,label\n1,0.5,odd\n")
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("<stdin>: no column 'b'"))
    #expect(outcome.stderr.contains("(columns: id, a, label)"))

    let ignored = try BinaryRunner.run(
      ["anomaly", "score", "--no-config", "-m", model, "--algorithm", "ecod", data])
    #expect(ignored.status == 0)
    #expect(ignored.stderr.contains("ignored: --algorithm"))
  }

  @Test func modeAndOptionMistakesAreUsageErrors() throws {
    let scratch = Scratch()
    let data = scratch.write("t.csv", AnomalyTables.transactions(rows: 20))
    let cases: [([String], String)] = [
      (["score", data], "needs --model FILE"),
      (["--model", data, data], "--model is for"),
      (["fit", "--by-date", "Date", data], "--by-date scores rolling windows"),
      (["--window", "5", data], "--window needs --by-date"),
      (["--contamination", "0.7", data], "(0, 0.5]"),
      (["--contamination", "0.1", "--threshold", "0.6", data], "not both"),
      (["--algorithm", "forest", data], "expected one of"),
      (["--members", "ecod,ensemble", "-a", "ensemble", data], "--members"),
    ]
    for (arguments, message) in cases {
      let outcome = try BinaryRunner.run(["anomaly", "--no-config"] + arguments)
      #expect(outcome.status == 64, "\(arguments)")
      #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
    }
  }

  @Test func fileNamedLikeAModeNeedsAPath() throws {
    let scratch = Scratch()
    scratch.write("fit", AnomalyTables.transactions(rows: 30))
    let outcome = try BinaryRunner.run(
      ["anomaly", "--no-config", "-x", "id", "--from", "csv", "./fit"], directory: scratch.url)
    #expect(outcome.status == 0)
    #expect(outcome.records.count == 30)
  }
}
