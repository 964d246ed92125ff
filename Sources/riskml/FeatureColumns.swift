import Foundation
import RiskMLCore

/// The input columns that feed an anomaly detector, and how one row's values in them
/// become numbers.
///
/// Values are read with `finiteNumber(at:missing:)`: numbers, or text that parses as a
/// finite number; `inf` and other text are bad values naming file, line, column and
/// feature. Missing tokens (empty, `NA`, `NaN`, `null`, ...) follow the `--missing` policy.
struct FeatureColumns: Sendable {
  /// Feature names in model order.
  let names: [String]
  /// The input column of each feature.
  let indices: [Int]
  let policy: MissingFeaturePolicy
  /// Under `impute-median`, the value that replaces a missing one, per feature; nil
  /// while fitting, when missing values are kept as NaN until the medians are known.
  var imputation: [Double]?
  private let missing = MissingValues()

  /// Rows read before choosing the numeric columns.
  static let sampleSize = 100

  /// The columns `names` of `reader`, in that order.
  ///
  /// - Throws: `InputError.missingColumn` for a name the input does not have.
  init(named names: [String], reader: TableReader, policy: MissingFeaturePolicy) throws {
    guard !names.isEmpty else { throw UsageError("--features needs at least one column") }
    self.names = names
    indices = try names.map { try reader.columnIndex($0) }
    self.policy = policy
  }

  /// Every numeric column of `reader` not in `excluded`, judged on the first rows: a
  /// column is numeric when more than half of its non-missing values in `sample` are
  /// numbers (`inf` counts here and is rejected later). Text in a numeric column is then
  /// a bad value, in the sample rows as in any later row.
  ///
  /// - Throws: `InputError.missingColumn` for an excluded name the input lacks;
  ///   `.invalidData` when no column is numeric.
  init(
    numericIn reader: TableReader, sample: [TableRow], excluding excluded: [String],
    policy: MissingFeaturePolicy
  ) throws {
    for name in excluded { _ = try reader.columnIndex(name) }
    let candidates = reader.header.indices.filter { !excluded.contains(reader.header[$0]) }
    let missing = MissingValues()
    indices = candidates.filter { column in
      var numbers = 0
      var others = 0
      for row in sample where !missing.isMissing(row.values[column]) {
        if Self.looksNumeric(row.values[column]) { numbers += 1 } else { others += 1 }
      }
      return numbers > others
    }
    guard !indices.isEmpty else {
      throw InputError.invalidData(
        "\(reader.source): no numeric columns to use as features in the first "
          + "\(sample.count) rows; name them with --features")
    }
    names = indices.map { reader.header[$0] }
    self.policy = policy
  }

  private static func looksNumeric(_ value: Value) -> Bool {
    switch value {
    case .int, .double: return true
    case .string(let text):
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      return Double(trimmed) != nil && !trimmed.lowercased().hasPrefix("0x")
    default: return false
    }
  }

  /// The row's feature values, in feature order, appended to `out`.
  ///
  /// A missing value is the median under `impute-median` (NaN while fitting); otherwise
  /// it is an `InputError.missingValue`, which rejects the row or stops the run.
  /// - Throws: `InputError.badValue` for text or an infinite number.
  func append(_ row: TableRow, reader: TableReader, to out: inout [Double]) throws {
    for (k, column) in indices.enumerated() {
      let value = row.values[column]
      if let number = try value.finiteNumber(
        at: reader.position(of: row, column: column), missing: missing)
      {
        out.append(number)
      } else if policy == .imputeMedian {
        out.append(imputation?[k] ?? .nan)
      } else {
        throw InputError.missingValue(
          reader.position(of: row, column: column), expected: "a number for this feature")
      }
    }
  }
}
