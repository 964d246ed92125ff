import Testing

@testable import RiskMLCore

@Suite struct MatrixTests {
  @Test func productMatchesHandComputation() {
    let a = Matrix([[1, 2], [3, 4]])
    let b = Matrix([[5, 6], [7, 8]])
    #expect(a.multiplied(by: b) == Matrix([[19, 22], [43, 50]]))
    #expect(a.multiplied(by: [1, 1]) == [3, 7])
  }

  @Test func symmetricEigenOfKnownMatrix() throws {
    let eigen = try Matrix([[2, 1], [1, 2]]).symmetricEigen()
    #expect(abs(eigen.values[0] - 1) < 1e-12)
    #expect(abs(eigen.values[1] - 3) < 1e-12)
  }

  @Test func choleskyReconstructs() throws {
    let a = Matrix([[4, 2], [2, 3]])
    let l = try a.cholesky()
    let back = l.multiplied(by: l.transposed)
    #expect(zip(back.storage, a.storage).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(l[0, 1] == 0)
  }

  @Test func choleskyRejectsIndefinite() {
    #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) {
      try Matrix([[1, 2], [2, 1]]).cholesky()
    }
  }

  @Test func solveAndSingular() throws {
    let x = try Matrix([[2, 0], [0, 4]]).solve([2, 8])
    #expect(x == [1, 2])
    #expect(throws: LinearAlgebraError.singular) { try Matrix([[1, 2], [2, 4]]).solve([1, 1]) }
  }
}
