/// A calendar day without time zone, as price files give them.
///
/// Reads ISO `YYYY-MM-DD` (a time part after `T` or a space is ignored), US `M/D/YYYY`, and
/// `YYYYMM` (monthly files, read as the first of the month). Always written as ISO.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses one of the accepted forms; nil for anything else.
  public init?(parsing text: String) {
    let trimmed = text.trimmingSpaces()
    let datePart = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " }).first.map(String.init)
    guard let datePart, !datePart.isEmpty else { return nil }

    if datePart.contains("-") {
      let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 4,
        let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
      else { return nil }
      self.init(year: y, month: m, day: d)
    } else if datePart.contains("/") {
      let parts = datePart.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[2].count == 4,
        let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2])
      else { return nil }
      self.init(year: y, month: m, day: d)
    } else if datePart.count == 6, datePart.allSatisfy(\.isASCII), let number = Int(datePart) {
      self.init(year: number / 100, month: number % 100, day: 1)
    } else if datePart.count == 8, datePart.allSatisfy(\.isASCII), let number = Int(datePart) {
      self.init(year: number / 10000, month: number / 100 % 100, day: number % 100)
    } else {
      return nil
    }
  }

  public var description: String {
    let y = String(year)
    let m = month < 10 ? "0\(month)" : String(month)
    let d = day < 10 ? "0\(day)" : String(day)
    return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
