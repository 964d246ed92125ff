import RiskMLCore

/// The result of one correlation or covariance estimate, ready to be written.
public struct CorrelationEstimate: Sendable {
  /// Asset names, in the order of the matrix rows and columns.
  public let assets: [String]
  /// The estimate (N x N); NaN where undefined (constant asset, too few common dates).
  public let matrix: Matrix
  /// The method that produced it.
  public let method: CorrelationMethod
  /// The missing-data policy applied.
  public let missing: MissingDataPolicy
  /// Dates used: complete rows for listwise, the smallest pairwise count for pairwise.
  public let observations: Int
  /// The shrinkage intensity of shrinkage methods; nil otherwise.
  public let shrinkage: Double?
  /// Spectral diagnostics of `matrix` after any repair; nil when not computed.
  public let diagnostics: MatrixDiagnostics?
  /// Whether the matrix before any repair was PSD (nil when not computed).
  public let wasPositiveSemidefinite: Bool?
  /// The repair applied, when the matrix was not PSD and a repair was asked for.
  public let repair: PSDRepairMethod?

  public init(
    assets: [String], matrix: Matrix, method: CorrelationMethod, missing: MissingDataPolicy,
    observations: Int, shrinkage: Double?, diagnostics: MatrixDiagnostics?,
    wasPositiveSemidefinite: Bool?, repair: PSDRepairMethod?
  ) {
    self.assets = assets
    self.matrix = matrix
    self.method = method
    self.missing = missing
    self.observations = observations
    self.shrinkage = shrinkage
    self.diagnostics = diagnostics
    self.wasPositiveSemidefinite = wasPositiveSemidefinite
    self.repair = repair
  }

  /// One record per pair i <= j (or i < j): `a`, `b`, `value`, preceded by `date` if given.
  ///
  /// NaN values become `null`.
  public func pairRecords(date: String? = nil, includeDiagonal: Bool = true) -> [Record] {
    var records = [Record]()
    let n = assets.count
    records.reserveCapacity(n * (n + 1) / 2)
    for i in 0..<n {
      for j in i..<n where includeDiagonal || i != j {
        var record = Record()
        if let date { record["date"] = .string(date) }
        record["a"] = .string(assets[i])
        record["b"] = .string(assets[j])
        record["value"] = .number(matrix[i, j])
        records.append(record)
      }
    }
    return records
  }

  /// The square matrix as records: `asset` then one field per asset (for `--matrix` CSV).
  public func matrixRecords() -> [Record] {
    assets.indices.map { i in
      var record: Record = ["asset": .string(assets[i])]
      for j in assets.indices { record[assets[j]] = .number(matrix[i, j]) }
      return record
    }
  }

  /// The `--summary` fields: `method`, `missing`, `n_obs`, `n_assets`, `shrinkage`,
  /// `smallest_eigenvalue`, `condition_number` (null when infinite), `is_psd`, `psd_repair`.
  public func summaryRecord() -> Record {
    var record: Record = [
      "method": .string(method.name),
      "missing": .string(missing.rawValue),
      "n_obs": .int(observations),
      "n_assets": .int(assets.count),
    ]
    record["shrinkage"] = shrinkage.map(Value.number) ?? .null
    record["smallest_eigenvalue"] = .number(diagnostics?.smallestEigenvalue)
    record["condition_number"] = .number(diagnostics?.conditionNumber)
    record["is_psd"] = wasPositiveSemidefinite.map(Value.bool) ?? .null
    record["psd_repair"] = repair.map { .string($0.rawValue) } ?? .null
    return record
  }
}
