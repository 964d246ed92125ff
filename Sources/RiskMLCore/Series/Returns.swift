import Foundation

/// How returns are computed from consecutive prices.
public enum ReturnType: String, Sendable, CaseIterable {
  /// `ln(p_t / p_{t-1})`: adds up over time; the volatility default.
  case log
  /// `p_t / p_{t-1} - 1`: adds up across a portfolio; the correlation and portfolio default.
  case simple
}

extension SeriesTable {
  /// Returns from prices, times `scale`, one row shorter: row `t` holds the return from
  /// row `t-1` to row `t` and keeps row `t`'s date and position.
  ///
  /// A missing price on either side gives a missing (NaN) return.
  /// - Complexity: O(rows x columns).
  public func returns(_ type: ReturnType, scale: Double) -> SeriesTable {
    guard rowCount > 1 else {
      return SeriesTable(
        dates: [], columns: columns, values: columns.map { _ in [] },
        rowPositions: [])
    }
    let converted = values.map { prices -> [Double] in
      (1..<prices.count).map { t in
        let ratio = prices[t] / prices[t - 1]
        return (type == .log ? Foundation.log(ratio) : ratio - 1) * scale
      }
    }
    return SeriesTable(
      dates: hasDates ? Array(dates.dropFirst()) : [], columns: columns, values: converted,
      rowPositions: Array(rowPositions.dropFirst()))
  }

  /// Checks that every present price is positive, as returns of `type` need (a zero price
  /// would make the next simple return infinite).
  ///
  /// Under `--on-error skip` a row with a bad price is rejected and left out, so the return
  /// across it spans the gap; under `fail` the first one is an error naming its position.
  public func requiringPositivePrices(
    rejects: RejectLog, for type: ReturnType = .log
  ) throws -> SeriesTable {
    try rejectingRows(rejects: rejects) { row in
      for (k, column) in values.enumerated() where column[row] <= 0 {
        let expected = "a positive price (\(type.rawValue) returns need prices above zero)"
        return (k, expected, column[row])
      }
      return nil
    }
  }

  /// Checks that no column has a gap inside its observed range: missing values before a
  /// series starts or after it ends are allowed (an asset listed later), holes are not.
  public func requiringNoInteriorGaps(rejects: RejectLog) throws -> SeriesTable {
    let ranges = values.map { column -> ClosedRange<Int>? in
      guard let first = column.firstIndex(where: { !$0.isNaN }),
        let last = column.lastIndex(where: { !$0.isNaN })
      else { return nil }
      return first...last
    }
    return try rejectingRows(rejects: rejects) { row in
      for (k, column) in values.enumerated() where column[row].isNaN {
        if let range = ranges[k], range.contains(row) { return (k, "a number", .nan) }
      }
      return nil
    }
  }

  /// Checks that no value is missing anywhere (OHLC bars, for example).
  public func requiringComplete(rejects: RejectLog) throws -> SeriesTable {
    try rejectingRows(rejects: rejects) { row in
      values.indices.first { values[$0][row].isNaN }.map { ($0, "a number", .nan) }
    }
  }

  /// Rejects the rows for which `problem` names a column, an expectation and the value:
  /// an error under `--on-error fail`, a reject under `skip`; the kept rows are returned.
  public func rejectingRows(
    rejects: RejectLog, problem: (Int) -> (column: Int, expected: String, value: Double)?
  ) throws -> SeriesTable {
    var keep: [Int] = []
    for row in 0..<rowCount {
      guard let (column, expected, value) = problem(row) else {
        keep.append(row)
        continue
      }
      let position = rowPositions[row].at(column: nil, field: columns[column])
      let error: InputError =
        value.isNaN
        ? .missingValue(position, expected: expected)
        : .badValue(position, value: Value.formatNumber(value), expected: expected)
      try rejects.reject(error, row: nil, position: position)
    }
    guard keep.count < rowCount else { return self }
    return SeriesTable(
      dates: hasDates ? keep.map { dates[$0] } : [], columns: columns,
      values: values.map { column in keep.map { column[$0] } },
      rowPositions: keep.map { rowPositions[$0] })
  }
}
