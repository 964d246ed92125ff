import Foundation
import RiskMLCore

/// Reads a table of weights (`--weights FILE`, `--current FILE`): CSV or JSONL by the file's
/// extension, with an `asset` and a `weight` column, one row per asset.
///
/// Assets the file leaves out weigh 0; an asset the input does not have, a repeated asset
/// or a weight that is not a finite number is a data error (65) at its line.
enum WeightsFileReader {
  /// The weights of `path` in the order of `assets`, and the assets it left out.
  static func read(
    _ path: String, assets: [String]
  ) throws
    -> (weights: [Double], absent: [String])
  {
    // FIXME: read with the default CSV dialect; --delimiter and --from apply to the input only.
    let reader = try InputOptions().open(path)
    let assetColumn = try reader.columnIndex("asset")
    let weightColumn = try reader.columnIndex("weight")
    var weights = [Double](repeating: 0, count: assets.count)
    var seen = Set<String>()
    while let row = try reader.nextRow() {
      let name = row.values[assetColumn].displayText.trimmingCharacters(in: .whitespaces)
      let position = reader.position(of: row, column: assetColumn)
      guard let i = assets.firstIndex(of: name) else {
        throw InputError.badValue(
          position, value: name,
          expected: "one of the input's assets (" + assets.joined(separator: ", ") + ")")
      }
      guard seen.insert(name).inserted else {
        throw InputError.badValue(position, value: name, expected: "each asset once")
      }
      let weightPosition = reader.position(of: row, column: weightColumn)
      guard
        let weight = try row.values[weightColumn].finiteNumber(
          at: weightPosition, missing: MissingValues())
      else { throw InputError.missingValue(weightPosition, expected: "a weight") }
      weights[i] = weight
    }
    guard !seen.isEmpty else { throw InputError.headerOnly(file: reader.source) }
    return (weights, assets.filter { !seen.contains($0) })
  }
}
