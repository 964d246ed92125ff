import Testing

@testable import RiskMLCore

@Suite struct JSONTests {
  @Test func parsesAndKeepsKeyOrder() throws {
    let value = try JSONParser.parse(Array(#"{"b":1,"a":[true,null,-2.5e3],"c":"\u00e9\n"}"#.utf8))
    guard case .object(let record) = value else { Issue.record("not an object"); return }
    #expect(record.keys == ["b", "a", "c"])
    #expect(record["b"] == .int(1))
    #expect(record["a"] == .array([.bool(true), .null, .double(-2500)]))
    #expect(record["c"] == .string("é\n"))
  }

  @Test(arguments: ["{", "{\"a\":}", "[1,]", "01", "{\"a\":1}x", "\"\\x\"", "{\"a\":1,\"a\":2}"])
  func rejectsInvalidJSON(_ text: String) {
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
  }

  @Test func surrogatePairs() throws {
    #expect(try JSONParser.parse(Array(#""\ud83d\ude00""#.utf8)) == .string("😀"))
  }

  @Test func encodingRoundTripsDoublesExactly() throws {
    let numbers: [Double] = [0.1, 1e-300, -123456.789, 2.0 / 3.0, 5e-324]
    for x in numbers {
      let text = Value.double(x).jsonText
      #expect(try JSONParser.parse(Array(text.utf8)) == .double(x))
    }
    #expect(Value.number(.nan) == .null)
    #expect(Value.string("a\"b\\\u{01}").jsonText == #""a\"b\\\u0001""#)
  }

  @Test func jsonlReaderHandlesMissingAndExtraKeys() throws {
    let folder = TemporaryFolder()
    let path = folder.write("in.jsonl", "{\"a\":1,\"b\":2}\n\n{\"b\":3,\"c\":4}\n")
    let reader = try JSONLReader(input: ByteSource(path: path))
    #expect(reader.header == ["a", "b"])
    let first = try #require(try reader.nextRow())
    #expect(first.values == [.int(1), .int(2)])
    let second = try #require(try reader.nextRow())
    #expect(second.line == 3)
    #expect(second.values == [.null, .int(3)])
    #expect(reader.record(of: second).keys == ["a", "b", "c"])
    #expect(try reader.nextRow() == nil)
  }

  @Test func jsonlReaderNamesBadLine() throws {
    let folder = TemporaryFolder()
    let path = folder.write("in.jsonl", "{\"a\":1}\n[1]\n")
    let reader = try JSONLReader(input: ByteSource(path: path))
    _ = try reader.nextRow()
    #expect {
      _ = try reader.nextRow()
    } throws: { error in
      guard case .invalidJSON(let at, _) = error as? InputError else { return false }
      return at.line == 2
    }
  }
}
