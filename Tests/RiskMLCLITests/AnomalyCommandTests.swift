import Foundation
import Testing

/// `riskml anomaly` run as a user runs it: fit and score, saved models, rolling scores.
@Suite struct AnomalyCommandTests {
  @Test func fitAndScoreFlagsTheContaminationShare() throws {
    let outcome = try BinaryRunner.run(
      ["anomaly", "--no-config", "--exclude", "id", "--contamination", "0.05", "--seed", "3"],
      stdin: AnomalyTables.transactions())
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty)
    let records = outcome.records
    #expect(records.count == 200)
    let flagged = records.filter { $0["anomaly"] as? Bool == true }
    #expect(flagged.count == 10)
    let ids = Set(flagged.compactMap { $0["id"] as? String })
    #expect(ids.isSuperset(of: ["00017", "00123"]))
  }

  @Test func nonFeatureColumnsPassThroughUnchanged() throws {
    let outcome = try BinaryRunner.run(
      ["anomaly", "--no-config", "--exclude", "id", "--algorithm", "zscore", "--to", "csv"],
      stdin: AnomalyTables.transactions(rows: 30))
    #expect(outcome.status == 0)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.first == "id,a,b,label,anomaly_score,anomaly,top_features")
    let input = AnomalyTables.transactions(rows: 30).split(separator: "\n")
    for (inputLine, outputLine) in zip(input.dropFirst(), lines.dropFirst()) {
      #expect(outputLine.hasPrefix(inputLine + ","))
    }
  }

  @Test func fitThenScoreGivesTheFitAndScoreScores() throws {
    let scratch = Scratch()
    let data = scratch.write("t.csv", AnomalyTables.transactions())
    let model = scratch.path("model.json")
    let common = ["--no-config", "--exclude", "id", "--seed", "7", "--trees", "50"]
    let direct = try BinaryRunner.run(["anomaly"] + common + [data])
    let fit = try BinaryRunner.run(["anomaly", "fit"] + common + ["-o", model, data])
    #expect(fit.status == 0)
    #expect(fit.stdout.isEmpty)
    let saved = try #require(scratch.read("model.json"))
    #expect(saved.contains("\"featureNames\":[\"a\",\"b\"]"))
    #expect(saved.contains("\"featureMedians\""))
    let scored = try BinaryRunner.run(["anomaly", "score", "--no-config", "--model", model, data])
    #expect(scored.status == 0)
    #expect(scored.stdout == direct.stdout)
    #expect(direct.records.count == 200)
  }

  @Test func aRowScoredAloneEqualsTheSameRowInABatch() throws {
    let scratch = Scratch()
    let table = AnomalyTables.transactions()
    let data = scratch.write("t.csv", table)
    let model = scratch.path("m.json")
    for algorithm in ["isolation-forest", "ecod", "ensemble"] {
      let fit = try BinaryRunner.run(
        ["anomaly", "fit", "--no-config", "-x", "id", "-a", algorithm, "-o", model, data])
      #expect(fit.status == 0)
      let batch = try BinaryRunner.run(["anomaly", "score", "--no-config", "-m", model, data])
      let lines = table.split(separator: "\n")
      for row in [1, 18, 124, 200] {
        let alone = try BinaryRunner.run(
          ["anomaly", "score", "--no-config", "-m", model],
          stdin: lines[0] + "\n" + lines[row] + "\n")
        #expect(alone.status == 0)
        #expect(
          alone.stdout == batch.stdout.split(separator: "\n")[row - 1] + "\n",
          "\(algorithm), row \(row)")
      }
    }
  }

  @Test func textInAFeatureNamesFileLineColumnAndFeature() throws {
    var lines = AnomalyTables.transactions(rows: 40).split(separator: "\n").map(String.init)
    lines[5] = "00004,abc,0.5,even"
    let outcome = try BinaryRunner.run(
      ["anomaly", "--no-config", "-x", "id"], stdin: lines.joined(separator: "\n") + "\n")
    #expect(outcome.status == 65)
    #expect(outcome.stderr.contains("<stdin>:6:2 (a)"))
    #expect(outcome.stderr.contains("'abc'"))
    #expect(outcome.stdout.isEmpty)
  }

  @Test func skipRejectsBadRowsAndExits3() throws {
    let scratch = Scratch()
    var lines = AnomalyTables.transactions(rows: 40).split(separator: "\n").map(String.init)
    lines[5] = "00004,abc,0.5,even"
    lines[9] = "00008,inf,0.5,even"
    let data = scratch.write("bad.csv", lines.joined(separator: "\n") + "\n")
    let outcome = try BinaryRunner.run([
      "anomaly", "--no-config", "-x", "id", "--on-error", "skip",
      "--rejects", scratch.path("rejects.jsonl"), data,
    ])
    #expect(outcome.status == 3)
    #expect(outcome.records.count == 38)
    let rejects = try #require(scratch.read("rejects.jsonl")).split(separator: "\n")
    #expect(rejects.count == 2)
    #expect(rejects[0].contains("\"line\":6,\"column\":2,\"field\":\"a\""))
    #expect(rejects[1].contains("found 'inf'"))
    #expect(rejects[1].contains("\"row\":{\"id\":\"00008\""))
  }

  @Test func missingValuesFollowTheMissingPolicy() throws {
    let scratch = Scratch()
    var lines = AnomalyTables.transactions(rows: 41).split(separator: "\n").map(String.init)
    lines[3] = "00002,NA,0.25,even"
    let data = scratch.write("m.csv", lines.joined(separator: "\n") + "\n")
    let failed = try BinaryRunner.run(["anomaly", "--no-config", "-x", "id", data])
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("m.csv:4:2 (a): missing value"))

    let usage = try BinaryRunner.run(
      ["anomaly", "--no-config", "-x", "id", "--missing", "skip", data])
    #expect(usage.status == 64)
    let skipped = try BinaryRunner.run([
      "anomaly", "--no-config", "-x", "id", "--missing", "skip", "--on-error", "skip",
      "--rejects", scratch.path("r.jsonl"), data,
    ])
    #expect(skipped.status == 3)
    #expect(skipped.records.count == 40)
    #expect(scratch.read("r.jsonl")?.contains("missing value") == true)

    let model = scratch.path("model.json")
    let fit = try BinaryRunner.run([
      "anomaly", "fit", "--no-config", "-x", "id", "-a", "zscore", "--missing",
      "impute-median", "-o", model, data,
    ])
    #expect(fit.status == 0)
    let saved = try #require(scratch.read("model.json")?.data(using: .utf8))
    let object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
    let medians = try #require(object["featureMedians"] as? [Double])
    #expect(medians.count == 2)

    let header = lines[0]
    let imputed = try BinaryRunner.run(
      ["anomaly", "score", "--no-config", "-m", model, "--missing", "impute-median"],
      stdin: header + "\n00002,NA,0.25,even\n")
    let explicit = try BinaryRunner.run(
      ["anomaly", "score", "--no-config", "-m", model],
      stdin: header + "\n00002,\(medians[0]),0.25,even\n")
    #expect(imputed.status == 0)
    let imputedScore = try #require(imputed.records.first?["anomaly_score"] as? Double)
    let explicitScore = try #require(explicit.records.first?["anomaly_score"] as? Double)
    #expect(imputedScore == explicitScore)
    #expect(imputed.records.first?["a"] as? String == "NA")
  }

  @Test func rollingScoresNeverUseLaterRows() throws {
    let scratch = Scratch()
    let full = AnomalyTables.daily(rows: 120)
    let prefix = full.split(separator: "\n").prefix(1 + 90).joined(separator: "\n") + "\n"
    let short = scratch.write("short.csv", prefix)
    let long = scratch.write("long.csv", full)
    for method in ["zscore", "robust-zscore", "esd"] {
      let arguments = [
        "anomaly", "--no-config", "--by-date", "Date", "--window", "20",
        "--method", method,
      ]
      let early = try BinaryRunner.run(arguments + [short])
      let late = try BinaryRunner.run(arguments + [long])
      #expect(early.status == 0)
      #expect(late.status == 0)
      let earlyLines = early.stdout.split(separator: "\n")
      #expect(earlyLines.count == 90)
      #expect(Array(late.stdout.split(separator: "\n").prefix(90)) == earlyLines)
      let records = late.records
      #expect(records.prefix(20).allSatisfy { $0["anomaly_score"] is NSNull })
      #expect(records[70]["anomaly"] as? Bool == true, "\(method)")
      #expect((records[70]["top_features"] as? [String])?.first == "ret")
    }
  }

  @Test func configAndEnvironmentChooseTheDefaultAlgorithm() throws {
    let scratch = Scratch()
    let data = scratch.write("t.csv", AnomalyTables.transactions(rows: 50))
    let config = scratch.write(
      "c.yaml", "models:\n  anomaly:\n    algorithm: ecod\n    contamination: 0.2\n")
    func algorithm(_ extra: [String], environment: [String: String] = [:]) throws -> String? {
      let summary = scratch.path("s.json")
      let outcome = try BinaryRunner.run(
        ["anomaly", "--config", config, "-x", "id", "--summary", summary] + extra + [data],
        environment: environment)
      #expect(outcome.status == 0)
      let text = try #require(scratch.read("s.json"))
      let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      let settings = object?["settings"] as? [String: Any]
      return settings?["algorithm"] as? String
    }
    #expect(try algorithm([]) == "ecod")
    #expect(try algorithm([], environment: ["RISKML_MODELS_ANOMALY_ALGORITHM": "hbos"]) == "hbos")
    #expect(try algorithm([], environment: ["RISKML_ANOMALY_ALGORITHM": "copod"]) == "copod")
    #expect(try algorithm(["--algorithm", "isolation_forest"]) == "isolation-forest")

    let flagged = try BinaryRunner.run(["anomaly", "--config", config, "-x", "id", data])
    #expect(flagged.records.filter { $0["anomaly"] as? Bool == true }.count == 10)
    #expect(flagged.records.first?["top_features"] as? [String] != nil)

    let bad = scratch.write("bad.yaml", "models:\n  anomaly:\n    algorithm: forest\n")
    let rejected = try BinaryRunner.run(["anomaly", "--config", bad, data])
    #expect(rejected.status == 78)
    #expect(rejected.stderr.contains("bad.yaml:3"))
  }

  @Test func isolationForestSeparatesCardioAnomalies() throws {
    let shared =
      ProcessInfo.processInfo.environment["RISKML_SHARED"]
      .map { URL(fileURLWithPath: $0) }
      ?? BinaryRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    let file = shared.appendingPathComponent("data/anomaly/cardio.csv").path
    guard FileManager.default.fileExists(atPath: file) else {
      print("skipped: \(file) is absent")
      return
    }
    let outcome = try BinaryRunner.run(
      ["anomaly", "--no-config", "--exclude", "is_anomaly", "--seed", "0", "--threads", "2", file])
    #expect(outcome.status == 0)
    var pairs: [(score: Double, label: Bool)] = []
    for record in outcome.records {
      let score = try #require(record["anomaly_score"] as? Double)
      pairs.append((score, (record["is_anomaly"] as? String) == "1"))
    }
    let positives = pairs.filter(\.label).map(\.score)
    let negatives = pairs.filter { !$0.label }.map(\.score)
    var wins = 0.0
    for p in positives {
      for n in negatives { wins += p > n ? 1 : (p == n ? 0.5 : 0) }
    }
    let auc = wins / Double(positives.count * negatives.count)
    #expect(auc > 0.9)
  }
}
