/// A coarse index over a sorted column (every `stride`-th value) that narrows each binary
/// search to one short segment, so searching a large column touches few cache lines.
///
/// Counts are exactly those of a plain binary search; the index only changes speed. It is
/// built per scoring call, and only for batches of at least `minimumBatch` rows.
struct SortedColumnIndex: Sendable {
  static let stride = 64
  static let minimumBatch = 1024

  /// sorted[k * stride] for k = 0, 1, ...
  let fences: [Double]

  init(_ sorted: [Double]) {
    fences = Swift.stride(from: 0, to: sorted.count, by: SortedColumnIndex.stride).map {
      sorted[$0]
    }
  }

  /// (#{values < x}, #{values <= x}) in `sorted`, the column this index was built on.
  func counts(_ x: Double, in sorted: UnsafeBufferPointer<Double>) -> (below: Int, atMost: Int) {
    (bound(x, in: sorted, inclusive: false), bound(x, in: sorted, inclusive: true))
  }

  /// The first position whose value is > x (inclusive) or >= x (exclusive).
  private func bound(
    _ x: Double, in sorted: UnsafeBufferPointer<Double>, inclusive: Bool
  )
    -> Int
  {
    var low = 0
    var high = fences.count
    while low < high {
      let middle = (low + high) / 2
      let isBefore = inclusive ? fences[middle] <= x : fences[middle] < x
      if isBefore { low = middle + 1 } else { high = middle }
    }
    // Fences 0..<low are before x, so the answer lies in ((low - 1) * stride, low * stride].
    var start = max(0, (low - 1) * SortedColumnIndex.stride)
    var end = min(sorted.count, low * SortedColumnIndex.stride)
    while start < end {
      let middle = (start + end) / 2
      let isBefore = inclusive ? sorted[middle] <= x : sorted[middle] < x
      if isBefore { start = middle + 1 } else { end = middle }
    }
    return start
  }
}
