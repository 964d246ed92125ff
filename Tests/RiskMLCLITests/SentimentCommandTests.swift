import Foundation
import Testing

/// Where the sentiment tests find their models; tests that need one are skipped when it
/// is absent.
enum SentimentModels {
  /// `RISKML_SHARED` if set, else `../shared` beside the package root.
  static let shared: URL = {
    if let custom = ProcessInfo.processInfo.environment["RISKML_SHARED"] {
      return URL(fileURLWithPath: custom)
    }
    return BinaryRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// The tiny BertForSequenceClassification of the reference data (32 wide, 2 layers).
  static let tiny = shared.appendingPathComponent("reference/bert/tiny-bert-classifier").path

  /// The MiniLM folder the default model runs on.
  static let miniLM: URL = {
    if let custom = ProcessInfo.processInfo.environment["RISKML_MODEL_DIR"] {
      return URL(fileURLWithPath: custom)
    }
    return BinaryRunner.packageRoot.appendingPathComponent("models/all-MiniLM-L6-v2")
  }()

  static var hasTiny: Bool {
    FileManager.default.fileExists(atPath: tiny + "/model.safetensors")
  }

  static var hasMiniLM: Bool {
    FileManager.default.fileExists(atPath: miniLM.appendingPathComponent("model.safetensors").path)
  }

  static let tinyAbsent: Comment = "../shared is absent: tiny reference model tests skipped"
  static let miniLMAbsent: Comment =
    "all-MiniLM-L6-v2 is absent (run 'make model'): default-model tests skipped"
}

/// `riskml sentiment` run as a user runs it.
@Suite struct SentimentCommandTests {
  let sentences = """
    id,text,source
    1,Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.,wire
    2,"Sales fell sharply, and the company cut its outlook.",wire
    3,The annual meeting will be held on Tuesday.,desk

    """

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func passesRowsThroughWithProbabilitiesSummingToOne() throws {
    let outcome = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny], stdin: sentences)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let records = outcome.records
    #expect(records.map { $0["id"] as? String } == ["1", "2", "3"])
    #expect(records.map { $0["source"] as? String } == ["wire", "wire", "desk"])
    for record in records {
      let probs = try #require(record["probs"] as? [String: Double])
      #expect(Set(probs.keys) == ["positive", "negative", "neutral"])
      #expect(abs(probs.values.reduce(0, +) - 1) < 1e-5)
      let label = try #require(record["label"] as? String)
      #expect(record["score"] as? Double == probs[label])
      #expect(probs[label] == probs.values.max())
    }
  }

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func logitsAndMinimumConfidence() throws {
    let outcome = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--logits"], stdin: sentences)
    #expect(outcome.status == 0)
    for record in outcome.records {
      let logits = try #require(record["logits"] as? [String: Double])
      let probs = try #require(record["probs"] as? [String: Double])
      let total = logits.values.map { exp($0) }.reduce(0, +)
      for (label, logit) in logits { #expect(abs(exp(logit) / total - probs[label]!) < 1e-5) }
    }
    let strict = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--min-confidence", "0.999"],
      stdin: sentences)
    #expect(strict.status == 0)
    #expect(strict.records.allSatisfy { $0["label"] as? String == "uncertain" })
    #expect(strict.records.allSatisfy { ($0["score"] as? Double ?? 1) < 0.999 })
    let wrong = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--min-confidence", "2"], stdin: sentences)
    #expect(wrong.status == 64)
  }

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func readsAndWritesJSONLAndRenamesLabels() throws {
    let scratch = Scratch()
    let input = scratch.write(
      "in.jsonl",
      """
      {"id": 7, "body": "Shares jumped 20% after the results.", "meta": {"desk": "eu"}}
      {"id": 8, "body": "Net loss widened.", "extra": true}

      """)
    let outcome = try BinaryRunner.run([
      "sentiment", "--model", SentimentModels.tiny, "--text-field", "body",
      "--labels", "up,down,flat", "-o", scratch.path("out.jsonl"), input,
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = try #require(scratch.read("out.jsonl")).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines[0].hasPrefix(
        #"{"id":7,"body":"Shares jumped 20% after the results.","#
          + #""meta":{"desk":"eu"},"label":"#))
    #expect(lines[1].contains(#""extra":true"#))
    #expect(lines[0].contains(#""probs":{"up":"#))
    let csv = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--to", "csv"], stdin: sentences)
    #expect(
      csv.stdout.hasPrefix(
        "id,text,source,label,score,probs.positive,probs.negative,probs.neutral\n"))
  }

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func missingTextIsAnErrorWithItsPosition() throws {
    let scratch = Scratch()
    let csv = scratch.write("bad.csv", "id,text\n1,Good results.\n2,\n3,   \n")
    let failed = try BinaryRunner.run(["sentiment", "--model", SentimentModels.tiny, csv])
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("bad.csv:3:2 (text): missing value"))
    #expect(failed.stdout.isEmpty || failed.records.count <= 1)

    let jsonl = scratch.write(
      "bad.jsonl",
      """
      {"id": 1, "text": "Good results."}
      {"id": 2, "text": 5}

      """)
    let wrongType = try BinaryRunner.run(["sentiment", "--model", SentimentModels.tiny, jsonl])
    #expect(wrongType.status == 65)
    #expect(wrongType.stderr.contains("bad.jsonl:2:2 (text): expected a string, found '5'"))

    let latin1 = scratch.write("latin1.csv", bytes: Array("id,text\n1,Caf".utf8) + [0xE9, 0x0A])
    let undecodable = try BinaryRunner.run(["sentiment", "--model", SentimentModels.tiny, latin1])
    #expect(undecodable.status == 65)
    #expect(undecodable.stderr.contains("latin1.csv:2"))
    #expect(undecodable.stderr.contains("invalid UTF-8"))

    let noColumn = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--text-field", "headline", csv])
    #expect(noColumn.status == 65)
    #expect(noColumn.stderr.contains("no column 'headline' (columns: id, text)"))
  }

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func skipWritesRejectsAndExitsThree() throws {
    let scratch = Scratch()
    let csv = scratch.write("bad.csv", "id,text\n1,Good results.\n2,\n3,Weak demand.\n")
    let outcome = try BinaryRunner.run([
      "sentiment", "--model", SentimentModels.tiny, "--on-error", "skip",
      "--rejects", scratch.path("rejects.jsonl"), csv,
    ])
    #expect(outcome.status == 3)
    #expect(outcome.records.map { $0["id"] as? String } == ["1", "3"])
    let rejects = try #require(scratch.read("rejects.jsonl")).split(separator: "\n")
    #expect(rejects.count == 1)
    #expect(rejects[0].contains(#""line":3"#) && rejects[0].contains(#""field":"text""#))
  }

  @Test func missingModelGivesSixtySixWithTheHint() throws {
    let folder = try BinaryRunner.run(
      ["sentiment", "--model", "/nonexistent/riskml-model"], stdin: sentences)
    #expect(folder.status == 66)
    #expect(folder.stderr.contains("make model"))
    let name = try BinaryRunner.run(["sentiment", "--model", "no-such-model"], stdin: sentences)
    #expect(name.status == 66)
    #expect(name.stderr.contains("sentiment model 'no-such-model' not found"))
    #expect(name.stderr.contains("scripts/fetch-minilm.sh"))
  }

  @Test func cudaIsNotAvailable() throws {
    let outcome = try BinaryRunner.run(["sentiment", "--device", "cuda"], stdin: sentences)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("no CUDA backend"))
  }

  @Test func bareEncoderNeedsAHead() throws {
    let scratch = Scratch()
    try FileManager.default.createDirectory(
      atPath: scratch.path("encoder"), withIntermediateDirectories: true)
    scratch.write("encoder/config.json", #"{"architectures": ["BertModel"]}"#)
    let outcome = try BinaryRunner.run(
      ["sentiment", "--model", scratch.path("encoder")], stdin: sentences)
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("give --head DIR"))
  }

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func sameRowGivesSameProbabilitiesAloneOrInABatch() throws {
    let target = "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn."
    var many = "text\n"
    for k in 0..<40 {
      many +=
        k == 17
        ? target + "\n"
        : "Filler sentence number \(k) \(String(repeating: "with more words ", count: k % 7))\n"
    }
    let alone = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--logits"], stdin: "text\n\(target)\n")
    let batched = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--logits", "--batch-size", "32"],
      stdin: many)
    #expect(alone.status == 0 && batched.status == 0)
    let one = try #require(alone.records.first?["logits"] as? [String: Double])
    let other = try #require(batched.records[17]["logits"] as? [String: Double])
    for (label, value) in one { #expect(abs(value - other[label]!) < 1e-5) }
  }

  @Test(.enabled(if: SentimentModels.hasTiny, SentimentModels.tinyAbsent))
  func trainWritesAHeadThatLoads() throws {
    let scratch = Scratch()
    var rows = "label,text\n"
    let words = [
      "negative": ["loss", "fell", "weak", "cut", "decline"],
      "neutral": ["meeting", "held", "announced", "located", "schedule"],
      "positive": ["profit", "rose", "strong", "growth", "record"],
    ]
    for (label, vocabulary) in words.sorted(by: { $0.key < $1.key }) {
      for k in 0..<12 {
        rows += "\(label),The company \(vocabulary[k % 5]) \(vocabulary[(k + 2) % 5]) today\n"
      }
    }
    let data = scratch.write("labelled.csv", rows)
    let trained = try BinaryRunner.run([
      "sentiment", "train", "--model", SentimentModels.tiny, "--data", data,
      "-o", scratch.path("head"),
    ])
    #expect(trained.status == 0, "\(trained.stderr)")
    #expect(trained.stderr.contains("held-out report (20 % held out of --data"))
    let manifest = try #require(scratch.read("head/manifest.json"))
    #expect(manifest.contains(#""validation_split_from_training" : true"#))
    #expect(FileManager.default.fileExists(atPath: scratch.path("head/head.safetensors")))

    let used = try BinaryRunner.run(
      ["sentiment", "--model", SentimentModels.tiny, "--head", scratch.path("head")],
      stdin: sentences)
    #expect(used.status == 0, "\(used.stderr)")
    let probs = try #require(used.records.first?["probs"] as? [String: Double])
    #expect(Set(probs.keys) == ["negative", "neutral", "positive"])

    scratch.write("notes.txt", "keep me")
    let occupied = try BinaryRunner.run([
      "sentiment", "train", "--model", SentimentModels.tiny, "--data", data,
      "-o", scratch.url.path,
    ])
    #expect(occupied.status == 73)
    #expect(scratch.read("notes.txt") == "keep me")

    let noData = try BinaryRunner.run(
      ["sentiment", "train", "--model", SentimentModels.tiny, "-o", scratch.path("x")])
    #expect(noData.status == 64)
    #expect(noData.stderr.contains("--data FILE"))
  }

  @Test(.enabled(if: SentimentModels.hasMiniLM, SentimentModels.miniLMAbsent))
  func defaultModelLabelsFinancialText() throws {
    let outcome = try BinaryRunner.run(["sentiment"], stdin: sentences)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.records.map { $0["label"] as? String } == ["positive", "negative", "neutral"])

    let document = "Profit rose to a record. The outlook is strong. Costs fell."
    let scored = try BinaryRunner.run(
      ["sentiment", "--document", "--from", "jsonl"],
      stdin: #"{"text": "\#(document)"}"# + "\n")
    #expect(scored.status == 0, "\(scored.stderr)")
    let record = try #require(scored.records.first)
    #expect(record["sentences"] as? Int == 3)
    #expect((record["labels"] as? [String])?.count == 3)
    #expect((record["score"] as? Double ?? 0) > 0)
  }
}
