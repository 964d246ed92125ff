/// Area under the ROC curve of scores against binary labels.
///
/// AUC = (R+ - P(P + 1)/2) / (P N), the Mann-Whitney form, where R+ is the sum of the
/// ranks of the positives among all scores and tied scores get their average rank, so a
/// tied positive/negative pair counts one half. This equals scikit-learn's
/// `roc_auc_score` (trapezoidal ROC area) including ties.
///
/// - Returns: the AUC, or `nil` when the labels hold only one class or counts differ.
/// - Complexity: O(n log n).
public func rocAUC(scores: [Double], labels: [Bool]) -> Double? {
  guard scores.count == labels.count else { return nil }
  let positives = labels.filter { $0 }.count
  let negatives = labels.count - positives
  guard positives > 0, negatives > 0 else { return nil }

  let order = scores.indices.sorted { scores[$0] < scores[$1] }
  var rankSum = 0.0
  var start = 0
  while start < order.count {
    var end = start
    while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
    let averageRank = Double(start + end + 2) / 2
    for position in start...end where labels[order[position]] { rankSum += averageRank }
    start = end + 1
  }

  let p = Double(positives)
  return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
}
