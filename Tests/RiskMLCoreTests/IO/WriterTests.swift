import Foundation
import Testing

@testable import RiskMLCore

@Suite struct WriterTests {
  @Test func csvFlattensObjectsAndQuotes() throws {
    let folder = TemporaryFolder()
    let path = folder.path("out.csv")
    let writer = RecordWriter(sink: try OutputSink.file(path), format: .csv)
    try writer.write([
      "name": .string("a,b"), "params": .object(["x": .double(0.5)]),
      "list": .array([.int(1)]),
    ])
    try writer.finish()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "name,params.x,list\n\"a,b\",0.5,[1]\n")
  }

  @Test func bufferedCSVWritesTheUnionOfColumns() throws {
    let folder = TemporaryFolder()
    let path = folder.path("out.csv")
    let writer = RecordWriter(sink: try OutputSink.file(path), format: .csv, bufferedCSV: true)
    try writer.write(["a": .int(1)])
    try writer.write(["a": .int(2), "message": .string("no fit")])
    try writer.finish()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,message\n1,\n2,no fit\n")
  }

  @Test func atomicFileAppearsOnlyOnCommit() throws {
    let folder = TemporaryFolder()
    let path = folder.write("out.jsonl", "old\n")
    let sink = try OutputSink.file(path)
    try sink.write("new\n")
    try sink.flush()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    try sink.commit()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(leftovers == ["out.jsonl"])
  }

  @Test func fifoIsWrittenInPlaceNotReplaced() throws {
    let folder = TemporaryFolder()
    let path = folder.path("pipe")
    #expect(mkfifo(path, 0o600) == 0)
    let reader = open(path, O_RDONLY | O_NONBLOCK)
    defer { close(reader) }
    let sink = try OutputSink.file(path)
    try sink.write("data\n")
    try sink.commit()
    var info = stat()
    #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    var bytes = [UInt8](repeating: 0, count: 16)
    #expect(read(reader, &bytes, bytes.count) == 5)
  }

  @Test func discardedFileLeavesTargetUntouched() throws {
    let folder = TemporaryFolder()
    let path = folder.write("out.jsonl", "old\n")
    let sink = try OutputSink.file(path)
    try sink.write("half")
    sink.discard()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).count == 1)
  }

  @Test func missingFolderCannotBeCreated() {
    #expect {
      _ = try OutputSink.file("/nonexistent-folder/out.jsonl")
    } throws: { error in
      (error as? OutputError)?.exitCode == .cannotCreate
    }
  }
}
