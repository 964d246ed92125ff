import Foundation

/// Small seeded tables for the `riskml anomaly` tests.
enum AnomalyTables {
  /// A reproducible uniform stream in [0, 1) (SplitMix64).
  struct Stream {
    var state: UInt64

    mutating func next() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return Double(z >> 11) / Double(1 << 53)
    }
  }

  /// `id,a,b,label`: `rows` rows of two features in [-1, 1), with rows 17 and 123 (when
  /// present) far out in `a`; `id` is zero-padded text and `label` a word.
  static func transactions(rows: Int = 200, seed: UInt64 = 1) -> String {
    var stream = Stream(state: seed)
    var text = "id,a,b,label\n"
    for row in 0..<rows {
      var a = 2 * stream.next() - 1
      let b = 2 * stream.next() - 1
      if row == 17 || row == 123 { a += 9 }
      text +=
        String(format: "%05d,%.6f,%.6f,", row, a, b) + (row % 2 == 0 ? "even" : "odd")
        + "\n"
    }
    return text
  }

  /// `Date,ret,volume`: daily rows from 2020-01-01, seeded noise with a shock on day 70.
  static func daily(rows: Int, seed: UInt64 = 5) -> String {
    var stream = Stream(state: seed)
    var text = "Date,ret,volume\n"
    let start = Date(timeIntervalSince1970: 1_577_836_800)
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    for row in 0..<rows {
      let day = formatter.string(from: start.addingTimeInterval(Double(row) * 86_400))
      var ret = stream.next() - 0.5
      if row == 70 { ret = 6 }
      let volume = 1000 + 100 * stream.next()
      text += day + String(format: ",%.6f,%.3f\n", ret, volume)
    }
    return text
  }

  /// The records' values under `key` as numbers (nil where null or absent).
  static func numbers(_ records: [[String: Any]], _ key: String) -> [Double?] {
    records.map { $0[key] as? Double }
  }
}
