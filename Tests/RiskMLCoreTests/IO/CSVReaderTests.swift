import Testing
@testable import RiskMLCore

@Suite struct CSVReaderTests {
  func readAll(_ text: String, dialect: CSVDialect = CSVDialect()) throws -> ([String], [[String]]) {
    try readAll(bytes: Array(text.utf8), dialect: dialect)
  }

  func readAll(bytes: [UInt8], dialect: CSVDialect = CSVDialect()) throws -> ([String], [[String]]) {
    let folder = TemporaryFolder()
    let path = folder.write("input.csv", bytes: bytes)
    let reader = try CSVReader(input: ByteSource(path: path, chunkSize: 7), dialect: dialect)
    var rows: [[String]] = []
    while let row = try reader.nextRow() { rows.append(row.values.map(\.displayText)) }
    return (reader.header, rows)
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
