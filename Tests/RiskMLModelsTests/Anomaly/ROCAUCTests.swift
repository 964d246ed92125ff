import Testing

@testable import RiskMLModels

@Suite struct ROCAUCTests {
  @Test func perfectReversedAndTied() {
    #expect(rocAUC(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
    #expect(rocAUC(scores: [0.9, 0.8, 0.2, 0.1], labels: [false, false, true, true]) == 0)
    #expect(rocAUC(scores: [1, 1, 1, 1], labels: [false, true, false, true]) == 0.5)
  }

  @Test func tiesCountHalfAsInScikitLearn() {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.4, 0.4])
    // = 0.6666666666666667 (two tied positive/negative pairs at 0.4).
    let auc = rocAUC(
      scores: [0.1, 0.4, 0.35, 0.8, 0.4, 0.4], labels: [false, false, true, true, false, true])
    #expect(isClose(auc!, 0.6666666666666667, relative: 1e-15))
  }

  @Test func oneClassHasNoAUC() {
    #expect(rocAUC(scores: [1, 2], labels: [true, true]) == nil)
    #expect(rocAUC(scores: [1], labels: [true, false]) == nil)
  }
}
