import RiskMLCore
import RiskMLModels

/// Reads labelled rows (a text and a label per row) for `riskml sentiment train`.
///
/// A CSV file without the text or label column stops the run; a row whose text or label
/// is missing, blank or not a string is an `InputError` at its line, which `--on-error
/// skip` rejects.
struct LabelledReader {
  let textField: String
  let labelField: String
  let inputOptions: InputOptions

  /// Every usable row of the file at `path`, in order.
  func read(_ path: String, context: RunContext) throws -> [LabelledText] {
    let reader = try inputOptions.open(path)
    if !(reader is JSONLReader) {
      for field in [textField, labelField] where !reader.header.contains(field) {
        throw InputError.missingColumn(
          file: reader.source, column: field, available: reader.header)
      }
    }
    var rows: [LabelledText] = []
    while let row = try reader.nextRow() {
      context.report.rowsRead += 1
      do {
        let record = reader.record(of: row)
        rows.append(
          LabelledText(
            text: try string(textField, in: record, row: row, reader: reader),
            label: try string(labelField, in: record, row: row, reader: reader)))
      } catch let error as InputError {
        try context.rejects.reject(error, row: reader.record(of: row), position: error.position)
      }
    }
    return rows
  }

  private func string(
    _ field: String, in record: Record, row: TableRow, reader: TableReader
  ) throws -> String {
    let column = reader.header.firstIndex(of: field)
    let position = reader.position(of: row).at(column: column.map { $0 + 1 }, field: field)
    switch record[field] {
    case .string(let text) where text.contains(where: { !$0.isWhitespace }):
      return text
    case .string, .null, nil:
      throw InputError.missingValue(position, expected: "a non-empty string")
    case let value?:
      throw InputError.badValue(position, value: value.summaryText, expected: "a string")
    }
  }
}
