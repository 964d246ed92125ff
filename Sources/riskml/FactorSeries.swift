import RiskMLCore
import RiskMLModels

/// Factor return series aligned row by row with the asset returns: NaN where a factor has
/// no value on an asset date.
struct FactorSeries: Sendable {
  /// Factor names, as they appear in `beta_<name>` and in shocks.
  var names: [String]
  /// T x K factor returns, one row per asset-return row.
  var matrix: Matrix

  /// The long-short factors `PriceFactors` builds from the assets' own returns: momentum
  /// (12-1 months) and volatility (63 days).
  static func priceFactors(_ names: [String], returns: Matrix) -> FactorSeries {
    var matrix = Matrix(rows: returns.rows, columns: names.count)
    // FIXME: the lookbacks (252/21 and 63 dates) and the top/bottom third are fixed;
    // there are no options for them yet.
    for (k, name) in names.enumerated() {
      let series =
        name == "momentum"
        ? PriceFactors.momentum(returns) : PriceFactors.volatility(returns)
      for t in 0..<returns.rows { matrix[t, k] = series[t] }
    }
    return FactorSeries(names: names, matrix: matrix)
  }

  /// The series of a factor file: every column but the date, turned into `returnType`
  /// returns unless `holdsReturns`, then aligned with `dates` (the asset-return dates).
  ///
  /// - Throws: `UsageError` when the assets have no dates to align by, `InputError` for a
  ///   bad file or one that shares fewer than K + 2 dates with the assets.
  static func file(
    _ path: String, holdsReturns: Bool, returnType: ReturnType, dates: [CalendarDate],
    rejects: RejectLog
  ) throws -> FactorSeries {
    guard let firstDate = dates.first, let lastDate = dates.last else {
      throw UsageError(
        "--factor-file needs dated asset returns to align with: give the "
          + "input a date column (or name it with --date-column)")
    }
    // FIXME: read with the default CSV dialect and the date column found by name;
    // --delimiter, --from and --date-column apply to the asset input only.
    let reader = try InputOptions().open(path)
    var table = try SeriesTableReader().read(reader, rejects: rejects)
    guard table.hasDates else {
      throw InputError.invalidData(
        "\(path): no date column (Date, date, timestamp, ...) to "
          + "align the factors with the assets by")
    }
    if !holdsReturns {
      if returnType == .log { table = try table.requiringPositivePrices(rejects: rejects) }
      table = table.returns(returnType, scale: 1)
    }
    var rowOfDate: [CalendarDate: Int] = [:]
    for (row, date) in table.dates.enumerated() { rowOfDate[date] = row }
    var matrix = Matrix(rows: dates.count, columns: table.columns.count, repeating: .nan)
    var common = 0
    for (t, date) in dates.enumerated() {
      guard let row = rowOfDate[date] else { continue }
      for k in table.columns.indices { matrix[t, k] = table.values[k][row] }
      if table.columns.indices.allSatisfy({ !table.values[$0][row].isNaN }) { common += 1 }
    }
    let needed = table.columns.count + 2
    guard common >= needed else {
      let span =
        table.dates.isEmpty
        ? "no returns" : "\(table.dates[0]) to \(table.dates[table.dates.count - 1])"
      throw InputError.invalidData(
        "\(path): the factor returns (\(span)) share \(common) dates with the asset returns "
          + "(\(firstDate) to \(lastDate)); factor exposures need at least \(needed): "
          + "choose --start/--end inside the factor file's dates")
    }
    return FactorSeries(names: table.columns, matrix: matrix)
  }

  /// The factors of `self` followed by those of `other` (same rows).
  func appending(_ other: FactorSeries) -> FactorSeries {
    var matrix = Matrix(rows: self.matrix.rows, columns: names.count + other.names.count)
    for t in 0..<matrix.rows {
      for k in names.indices { matrix[t, k] = self.matrix[t, k] }
      for k in other.names.indices { matrix[t, names.count + k] = other.matrix[t, k] }
    }
    return FactorSeries(names: names + other.names, matrix: matrix)
  }
}
