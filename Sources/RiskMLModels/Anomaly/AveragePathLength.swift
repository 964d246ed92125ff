import Foundation

/// The average path length of an unsuccessful binary-search-tree lookup among `n` points,
/// c(n), which normalises isolation-tree depths.
///
/// c(n) = 2 H(n - 1) - 2 (n - 1) / n with H(i) approximated by ln(i) + Euler's gamma,
/// c(2) = 1 and c(n) = 0 for n <= 1 (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008,
/// eq. 1; scikit-learn's `_average_path_length` uses the same approximation, so c(256)
/// = 10.244770920119917 with gamma = 0.5772156649015329).
///
/// - Complexity: O(1).
public func averagePathLength(_ n: Int) -> Double {
  if n <= 1 { return 0 }
  if n == 2 { return 1 }
  let size = Double(n)
  return 2 * (log(size - 1) + eulerGamma) - 2 * (size - 1) / size
}

/// The Euler-Mascheroni constant, to double precision.
public let eulerGamma = 0.577_215_664_901_532_9
