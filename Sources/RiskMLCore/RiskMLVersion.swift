/// The version riskml reports with `--version` and in run summaries.
public enum RiskMLVersion { public static let string = "0.1.0" }
