import Testing

@testable import RiskMLCore

@Suite struct MatrixStatisticsTests {
  static let x = Matrix([[1, 2], [3, 5], [5, 11]])

  @Test func gramMatchesGeneralProduct() {
    #expect(Self.x.gram() == Self.x.transposed.multiplied(by: Self.x))
    #expect(Self.x.transposeMultiplied(by: Self.x) == Self.x.gram())
  }

  @Test func columnMeansAndCentering() {
    #expect(Self.x.columnMeans() == [3, 6])
    #expect(Self.x.centeredColumns().columnMeans() == [0, 0])
    #expect(Matrix(rows: 0, columns: 2).columnMeans().allSatisfy { $0.isNaN })
  }

  @Test func eigenvaluesOnlyMatchFullDecomposition() throws {
    let m = Matrix([[2, 1], [1, 2]])
    #expect(try m.symmetricEigenvalues() == m.symmetricEigen().values)
  }

  @Test func rowSelectionAndNaN() {
    #expect(Self.x.selectingRows([2, 0]) == Matrix([[5, 11], [1, 2]]))
    #expect(!Self.x.hasNaN)
    #expect(Matrix([[1, .nan]]).hasNaN)
  }
}
