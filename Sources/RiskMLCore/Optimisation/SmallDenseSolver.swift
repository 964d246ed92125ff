/// Direct solves of small dense systems (a few dozen unknowns at most), as the optimiser
/// and the standard-error code need them.
///
/// Gaussian elimination with partial pivoting on a row-major copy; O(n^3).
public enum SmallDenseSolver {
  /// Solves `A x = b` for a row-major `n x n` matrix `A`; `nil` when `A` is singular
  /// to working precision (a pivot below `1e-14` times the largest entry).
  public static func solve(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
    solve(a, columns: b, n: n, rhsCount: 1)
  }

  /// The inverse of a row-major `n x n` matrix, or `nil` when it is singular.
  public static func inverse(_ a: [Double], n: Int) -> [Double]? {
    var identity = [Double](repeating: 0, count: n * n)
    for i in 0..<n { identity[i * n + i] = 1 }
    return solve(a, columns: identity, n: n, rhsCount: n)
  }

  /// Solves `A X = B` where `B` is row-major `n x rhsCount`.
  static func solve(_ a: [Double], columns b: [Double], n: Int, rhsCount m: Int) -> [Double]? {
    var a = a
    var b = b
    let scale = a.reduce(0) { max($0, abs($1)) }
    guard scale > 0, scale.isFinite else { return nil }

    for k in 0..<n {
      var pivot = k
      for i in (k + 1)..<max(n, k + 1) where abs(a[i * n + k]) > abs(a[pivot * n + k]) {
        pivot = i
      }
      guard abs(a[pivot * n + k]) > 1e-14 * scale else { return nil }
      if pivot != k {
        for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
        for j in 0..<m { b.swapAt(k * m + j, pivot * m + j) }
      }
      let diagonal = a[k * n + k]
      for i in (k + 1)..<max(n, k + 1) {
        let factor = a[i * n + k] / diagonal
        if factor == 0 { continue }
        for j in k..<n { a[i * n + j] -= factor * a[k * n + j] }
        for j in 0..<m { b[i * m + j] -= factor * b[k * m + j] }
      }
    }

    for k in stride(from: n - 1, through: 0, by: -1) {
      for j in 0..<m {
        var sum = b[k * m + j]
        for i in (k + 1)..<max(n, k + 1) { sum -= a[k * n + i] * b[i * m + j] }
        b[k * m + j] = sum / a[k * n + k]
      }
    }
    return b
  }
}
