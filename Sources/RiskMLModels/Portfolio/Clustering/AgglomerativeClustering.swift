import RiskMLCore

/// One merge of a dendrogram, in scipy's linkage-matrix convention: clusters `0..<n` are
/// the leaves and merge `k` creates cluster `n + k`; `left < right`.
public struct ClusterMerge: Sendable, Equatable {
  /// The smaller id of the two merged clusters.
  public let left: Int
  /// The larger id of the two merged clusters.
  public let right: Int
  /// The linkage distance at which they merge.
  public let distance: Double
  /// The number of leaves in the merged cluster.
  public let size: Int
}

/// The result of agglomerative clustering: `n - 1` merges sorted by distance.
public struct Dendrogram: Sendable {
  /// The number of leaves.
  public let leafCount: Int
  /// The merges, in scipy's `linkage` layout.
  public let merges: [ClusterMerge]

  /// The leaves in pre-order (left subtree first) of the tree rooted at the last merge,
  /// as scipy's `to_tree(Z).pre_order()`: the quasi-diagonal order of HRP.
  /// - Complexity: O(n).
  public var leafOrder: [Int] {
    guard leafCount > 1 else { return Array(0..<leafCount) }
    var order: [Int] = []
    var stack = [leafCount + merges.count - 1]
    while let node = stack.popLast() {
      if node < leafCount {
        order.append(node)
      } else {
        let merge = merges[node - leafCount]
        stack.append(merge.right)
        stack.append(merge.left)
      }
    }
    return order
  }
}

/// Hierarchical agglomerative clustering of a distance matrix by the nearest-neighbour
/// chain algorithm (Murtagh, "A survey of recent advances in hierarchical clustering
/// algorithms", The Computer Journal 26, 1983), with Lance-Williams updates.
///
/// Follows scipy.cluster.hierarchy.linkage: the chain prefers its previous element on
/// ties, a merged cluster takes the slot of the larger index, merges are then stably
/// sorted by distance and relabelled with a union-find so that each row's smaller
/// cluster id comes first. Single, average (UPGMA) and Ward (on distances) are
/// reducible, so the chain finds the same hierarchy as the greedy algorithm.
///
/// - Complexity: O(n^2) time and memory.
// FIXME: scipy computes single linkage with a minimum spanning tree, not the chain; with
// tied distances the two may pair different clusters first (the same heights result).
public struct AgglomerativeClustering: Sendable {
  /// The linkage criterion.
  public var linkage: Linkage

  /// Clustering with the given linkage criterion.
  public init(linkage: Linkage) { self.linkage = linkage }

  /// Clusters the points whose pairwise distances are `distances` (symmetric, n x n).
  public func fit(distances: Matrix) -> Dendrogram {
    let n = distances.rows
    guard n > 1 else { return Dendrogram(leafCount: n, merges: []) }
    var d = distances.storage
    var size = [Int](repeating: 1, count: n)
    var chain: [Int] = []
    var raw: [(x: Int, y: Int, distance: Double)] = []
    raw.reserveCapacity(n - 1)
    for _ in 0..<(n - 1) {
      if chain.isEmpty, let first = size.firstIndex(where: { $0 > 0 }) { chain = [first] }
      var x = 0
      var y = 0
      var best = Double.infinity
      while true {
        x = chain[chain.count - 1]
        if chain.count > 1 {
          y = chain[chain.count - 2]
          best = d[x * n + y]
        } else {
          best = .infinity
        }
        for i in 0..<n where size[i] > 0 && i != x && d[x * n + i] < best {
          best = d[x * n + i]
          y = i
        }
        if chain.count > 1 && y == chain[chain.count - 2] { break }
        chain.append(y)
      }
      chain.removeLast(2)
      if x > y { swap(&x, &y) }
      let nx = Double(size[x])
      let ny = Double(size[y])
      raw.append((x, y, best))
      size[y] += size[x]
      size[x] = 0
      for i in 0..<n where size[i] > 0 && i != y {
        let updated = update(d[i * n + x], d[i * n + y], best, nx, ny, Double(size[i]))
        d[i * n + y] = updated
        d[y * n + i] = updated
      }
    }
    return Dendrogram(leafCount: n, merges: relabel(raw, n: n))
  }

  /// The Lance-Williams distance from cluster i to the union of x and y.
  private func update(
    _ dxi: Double, _ dyi: Double, _ dxy: Double, _ nx: Double, _ ny: Double, _ ni: Double
  ) -> Double {
    switch linkage {
    case .single: return min(dxi, dyi)
    case .average: return (nx * dxi + ny * dyi) / (nx + ny)
    case .ward:
      let t = 1 / (nx + ny + ni)
      let value = (ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy
      return max(value, 0).squareRoot()
    }
  }

  /// Stable sort by distance, then cluster ids through a union-find (scipy's `label`).
  private func relabel(_ raw: [(x: Int, y: Int, distance: Double)], n: Int) -> [ClusterMerge] {
    let sorted = raw.enumerated().sorted {
      $0.element.distance < $1.element.distance
        || ($0.element.distance == $1.element.distance && $0.offset < $1.offset)
    }.map(\.element)
    var parent = Array(0..<(2 * n - 1))
    var sizes = [Int](repeating: 1, count: 2 * n - 1)
    func find(_ v: Int) -> Int {
      var root = v
      while parent[root] != root { root = parent[root] }
      var node = v
      while parent[node] != root {
        let next = parent[node]
        parent[node] = root
        node = next
      }
      return root
    }
    var merges: [ClusterMerge] = []
    for (k, merge) in sorted.enumerated() {
      let a = find(merge.x)
      let b = find(merge.y)
      let label = n + k
      parent[a] = label
      parent[b] = label
      sizes[label] = sizes[a] + sizes[b]
      merges.append(
        ClusterMerge(
          left: min(a, b), right: max(a, b), distance: merge.distance,
          size: sizes[label]))
    }
    return merges
  }
}

extension AgglomerativeClustering {
  /// The correlation distance `sqrt((1 - rho) / 2)` of Lopez de Prado, clamped to [0, 1].
  public static func correlationDistance(_ correlation: Matrix) -> Matrix {
    var distance = correlation
    for k in distance.storage.indices {
      distance.storage[k] = min(max((1 - correlation.storage[k]) / 2, 0), 1).squareRoot()
    }
    for i in 0..<distance.rows { distance[i, i] = 0 }
    return distance
  }

  /// An order of the assets of a correlation matrix that places correlated ones together
  /// (the leaf order of the clustering on correlation distance), for
  /// `riskml correlation --order cluster`.
  public static func order(correlation: Matrix, linkage: Linkage = .single) -> [Int] {
    AgglomerativeClustering(linkage: linkage)
      .fit(distances: correlationDistance(correlation)).leafOrder
  }
}
