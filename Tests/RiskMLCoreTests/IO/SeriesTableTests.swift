import Foundation
import Testing

@testable import RiskMLCore

@Suite struct SeriesTableTests {
  func read(_ text: String, policy: ErrorPolicy = .fail) throws -> (SeriesTable, RejectLog) {
    let folder = TemporaryFolder()
    let path = folder.write("prices.csv", text)
    let rejects = RejectLog(policy: policy, writer: nil)
    let table = try SeriesTableReader().read(InputOptions().open(path), rejects: rejects)
    return (table, rejects)
  }

  @Test(arguments: [
    ("2020-01-31", "2020-01-31"), ("1/4/1999", "1999-01-04"), ("2020-02-29T10:00", "2020-02-29"),
    ("199001", "1990-01-01"),
  ])
  func datesParse(_ text: String, _ iso: String) {
    #expect(CalendarDate(parsing: text)?.description == iso)
  }

  @Test(arguments: ["2021-02-29", "13/1/2020", "yesterday", "", "2020-1"])
  func invalidDatesDoNotParse(_ text: String) {
    #expect(CalendarDate(parsing: text) == nil)
  }

  @Test func readsDatesAndMissingValues() throws {
    let (table, _) = try read("Date,A,B\n2020-01-01,1,NA\n2020-01-02,2,3\n")
    #expect(table.columns == ["A", "B"])
    #expect(table.values[0] == [1, 2])
    #expect(table.values[1][0].isNaN)
    #expect(table.dates.map(\.description) == ["2020-01-01", "2020-01-02"])
  }

  @Test func textInAPriceNamesLineAndColumn() {
    #expect {
      _ = try read("Date,A,B\n2020-01-01,1,2\n2020-01-02,x,3\n")
    } throws: { error in
      guard case .badValue(let at, let value, _) = error as? InputError else { return false }
      return at.line == 3 && at.column == 2 && at.field == "A" && value == "x"
    }
  }

  @Test func repeatedDateIsAnError() {
    #expect {
      _ = try read("Date,A\n2020-01-01,1\n2020-01-01,2\n")
    } throws: { error in
      if case .unsortedDates = error as? InputError { return true }
      return false
    }
  }

  @Test func skipPolicyRejectsAndCounts() throws {
    let (table, rejects) = try read(
      "Date,A\n2020-01-01,1\n2020-01-02,inf\n2020-01-03,3\n",
      policy: .skip)
    #expect(table.values[0] == [1, 3])
    #expect(rejects.count == 1)
  }

  @Test func headerOnlyIsAnError() {
    #expect {
      _ = try read("Date,A\n")
    } throws: { error in
      if case .headerOnly = error as? InputError { return true }
      return false
    }
  }

  @Test func logReturnsAndPositivity() throws {
    let (table, rejects) = try read(
      "Date,A\n2020-01-01,100\n2020-01-02,110\n2020-01-03,0\n",
      policy: .skip)
    let checked = try table.requiringPositivePrices(rejects: rejects)
    #expect(rejects.count == 1)
    let returns = checked.returns(.log, scale: 100)
    #expect(abs(returns.values[0][0] - 100 * log(1.1)) < 1e-12)
    #expect(returns.dates.first?.description == "2020-01-02")
  }

  @Test func interiorGapsAreErrorsButLeadingGapsAreNot() throws {
    let (late, _) = try read("Date,A,B\n2020-01-01,1,\n2020-01-02,2,5\n")
    _ = try late.requiringNoInteriorGaps(rejects: RejectLog(policy: .fail, writer: nil))
    let (holey, _) = try read("Date,A\n2020-01-01,1\n2020-01-02,\n2020-01-03,3\n")
    #expect(throws: InputError.self) {
      try holey.requiringNoInteriorGaps(rejects: RejectLog(policy: .fail, writer: nil))
    }
  }
}
