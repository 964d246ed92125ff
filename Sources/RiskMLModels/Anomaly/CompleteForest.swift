// FIXME: rebuilt on every `score` call (trees * 2^D slots, about 50,000 for the defaults);
// scoring one row at a time pays that each time. Caching it needs a class or lazy storage
// in the otherwise plain Codable model.
/// An isolation forest re-laid as complete binary trees for fast scoring.
///
/// Every tree becomes a complete tree of the forest's depth limit D: internal node i has
/// children 2i + 1 and 2i + 2 and leaves follow the 2^D - 1 internal nodes. A leaf of the
/// original tree shallower than D is pushed down its leftmost path, whose nodes get a
/// threshold of +infinity (every finite value goes left). Scoring then walks exactly D
/// levels per tree with no data-dependent loop exit, and gives the same leaf values, so
/// the same scores bit for bit, as the original layout. Built per scoring call; only for
/// D <= `maximumDepth` (psi up to 4,096).
struct CompleteForest {
  static let maximumDepth = 12
  /// Rows walked down a tree together, level by level, so their independent loads overlap.
  static let lanes = 16

  let depth: Int
  let feature: [Int32]
  let threshold: [Double]
  let leaf: [Double]

  /// The complete layout of `model`, or `nil` when its trees are deeper than allowed.
  init?(_ model: IsolationForestModel) {
    var depth = 0
    while (1 << depth) < model.samplesPerTree { depth += 1 }
    guard depth >= 1, depth <= CompleteForest.maximumDepth else { return nil }
    let internalCount = (1 << depth) - 1
    let leafCount = 1 << depth
    var feature = [Int32](repeating: 0, count: internalCount * model.treeCount)
    var threshold = [Double](repeating: .infinity, count: internalCount * model.treeCount)
    var leaf = [Double](repeating: 0, count: leafCount * model.treeCount)
    for (tree, root) in model.roots.enumerated() {
      var pending: [(node: Int, slot: Int, level: Int)] = [(Int(root), 0, 0)]
      while let (node, slot, level) = pending.popLast() {
        if model.feature[node] < 0 {
          var bottom = slot
          for _ in level..<depth { bottom = 2 * bottom + 1 }
          leaf[tree * leafCount + bottom - internalCount] = model.value[node]
          continue
        }
        guard level < depth else { return nil }
        feature[tree * internalCount + slot] = model.feature[node]
        threshold[tree * internalCount + slot] = model.value[node]
        pending.append((Int(model.child[node]), 2 * slot + 1, level + 1))
        pending.append((Int(model.child[node]) + 1, 2 * slot + 2, level + 1))
      }
    }
    self.depth = depth
    self.feature = feature
    self.threshold = threshold
    self.leaf = leaf
  }

  /// Adds each row's leaf values, tree by tree in order, to `output[range]`, walking
  /// `lanes` rows at a time.
  func accumulate(
    rows x: UnsafeBufferPointer<Double>, columns d: Int, range: Range<Int>,
    into output: UnsafeMutableBufferPointer<Double>
  ) {
    let internalCount = (1 << depth) - 1
    let leafCount = internalCount + 1
    let trees = leaf.count / leafCount
    feature.withUnsafeBufferPointer { feature in
      threshold.withUnsafeBufferPointer { threshold in
        leaf.withUnsafeBufferPointer { leaf in
          withUnsafeTemporaryAllocation(of: Int.self, capacity: CompleteForest.lanes) { slots in
            for tree in 0..<trees {
              let nodes = tree * internalCount
              let leaves = tree * leafCount - internalCount
              var start = range.lowerBound
              while start < range.upperBound {
                let lanes = min(CompleteForest.lanes, range.upperBound - start)
                for lane in 0..<lanes { slots[lane] = 0 }
                for _ in 0..<depth {
                  for lane in 0..<lanes {
                    let slot = slots[lane]
                    let column = Int(feature[nodes + slot])
                    let goesRight = x[(start + lane) * d + column] > threshold[nodes + slot]
                    slots[lane] = 2 * slot + (goesRight ? 2 : 1)
                  }
                }
                for lane in 0..<lanes { output[start + lane] += leaf[leaves + slots[lane]] }
                start += lanes
              }
            }
          }
        }
      }
    }
  }
}
