import Testing

@testable import RiskMLCore

@Suite struct CSVReaderTests {
  func readAll(_ text: String, dialect: CSVDialect = CSVDialect()) throws -> ([String], [[String]])
  {
    try readAll(bytes: Array(text.utf8), dialect: dialect)
  }

  /// Reads with a 7-byte chunk (the general parser) and a 1 MiB chunk (the fast path for
  /// simple records): both must give the same rows or the same error.
  func readAll(bytes: [UInt8], dialect: CSVDialect = CSVDialect()) throws -> ([String], [[String]])
  {
    let folder = TemporaryFolder()
    let path = folder.write("input.csv", bytes: bytes)
    func read(chunkSize: Int) throws -> ([String], [[String]]) {
      let reader = try CSVReader(
        input: ByteSource(path: path, chunkSize: chunkSize), dialect: dialect)
      var rows: [[String]] = []
      while let row = try reader.nextRow() { rows.append(row.values.map(\.displayText)) }
      return (reader.header, rows)
    }
    let small = Result { try read(chunkSize: 7) }
    let large = Result { try read(chunkSize: 1 << 20) }
    switch (small, large) {
    case (.success(let a), .success(let b)):
      #expect(a.0 == b.0 && a.1 == b.1, "chunk sizes disagree")
      return a
    case (.failure(let a), .failure(let b)):
      #expect("\(a)" == "\(b)", "chunk sizes disagree")
      throw a
    default:
      Issue.record("one chunk size failed and the other did not: \(small) \(large)")
      return try small.get()
    }
  }

  @Test func mixedSimpleAndQuotedRecords() throws {
    let (_, rows) = try readAll("a,b\r\n1,2\r\n\"x\ny\",3\r\n4,\"5\"\n,\n")
    #expect(rows == [["1", "2"], ["x\ny", "3"], ["4", "5"], ["", ""]])
  }

  @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
    let (header, rows) = try readAll("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
    #expect(header == ["a", "b", "c"])
    #expect(rows == [["x,1", "say \"hi\"", "two\nlines"]])
  }

  @Test func crlfAndByteOrderMark() throws {
    let (header, rows) = try readAll(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,4".utf8))
    #expect(header == ["a", "b"])
    #expect(rows == [["1", "2"], ["3", "4"]])
  }

  @Test func customDelimiterAndNoHeader() throws {
    var dialect = CSVDialect(delimiter: UInt8(ascii: ";"))
    dialect.hasHeader = false
    let (header, rows) = try readAll("1;2\n3;4\n", dialect: dialect)
    #expect(header == ["column1", "column2"])
    #expect(rows == [["1", "2"], ["3", "4"]])
  }

  @Test func raggedRowNamesItsLine() {
    #expect(throws: InputError.raggedRow(InputPosition(file: "", line: 3), expected: 2, found: 3)) {
      do { _ = try readAll("a,b\n1,2\n1,2,3\n") } catch let error as InputError {
        guard case .raggedRow(let at, let e, let f) = error else { throw error }
        throw InputError.raggedRow(InputPosition(file: "", line: at.line), expected: e, found: f)
      }
    }
  }

  @Test func lineNumbersCountEmbeddedNewlines() throws {
    let folder = TemporaryFolder()
    let path = folder.write("in.csv", "a,b\n\"1\n2\",3\n4,5\n")
    let reader = try CSVReader(input: ByteSource(path: path))
    #expect(try reader.nextRow()?.line == 2)
    #expect(try reader.nextRow()?.line == 4)
  }

  @Test func invalidUTF8IsAnErrorWithPosition() {
    #expect {
      _ = try readAll(bytes: Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
    } throws: { error in
      guard case .invalidUTF8(let at) = error as? InputError else { return false }
      return at.line == 2 && at.column == 2
    }
  }

  @Test func unterminatedQuote() {
    #expect {
      _ = try readAll("a,b\n\"open,2\n")
    } throws: { error in
      if case .unterminatedQuote = error as? InputError { return true }
      return false
    }
  }

  @Test func emptyFileIsEmpty() {
    #expect {
      _ = try readAll("")
    } throws: { error in
      if case .empty = error as? InputError { return true }
      return false
    }
  }

  @Test func overlongRecordIsRejected() {
    var dialect = CSVDialect()
    dialect.maxRecordBytes = 100
    #expect {
      _ = try readAll("a\n" + String(repeating: "x", count: 500) + "\n", dialect: dialect)
    } throws: { error in
      if case .lineTooLong = error as? InputError { return true }
      return false
    }
  }
}
