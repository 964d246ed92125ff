/// The four stages every subcommand's work goes through, timed separately in the report.
public enum PipelineStage: String, Sendable, CaseIterable {
  /// Parse, validate and transform input rows (prices into returns, text into tokens).
  case preprocess
  /// Group the prepared input into units of work (assets, batches of rows).
  case batch
  /// Run the model on each unit.
  case infer
  /// Turn model results into records, apply thresholds, write them.
  case postprocess
}
