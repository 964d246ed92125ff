import COpenBLAS

/// What OpenBLAS is running with: its kernel and thread count.
public enum BLASRuntime {
  /// The kernel OpenBLAS chose at load time (`Haswell`, `Cooperlake`, ...).
  public static var coreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// The threads OpenBLAS uses inside one call.
  public static var threads: Int { Int(openblas_get_num_threads()) }

  /// Sets the threads OpenBLAS uses inside one call (1 when riskml parallelises itself).
  public static func setThreads(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
  }
}
