public enum RiskMLCoreVersion { public static let string = "0.1.0" }
