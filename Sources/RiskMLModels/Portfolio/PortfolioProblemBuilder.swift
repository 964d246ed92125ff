import Foundation
import RiskMLCore

/// Turns `PortfolioConstraints` into the linear constraints of a QP or LP over the
/// variables `v = (w, t, s)`: weights, turnover auxiliaries `t_i >= |w_i - current_i|`
/// (when a turnover cap is set) and leverage auxiliaries `s_i >= |w_i|` (when a leverage
/// cap is set).
///
/// The auxiliaries carry no curvature; the QP Hessian gives them `regularisation` on its
/// diagonal so the dual method can factor it.
// FIXME: the auxiliary variables get a tiny ridge (1e-10 of the mean asset variance) to
// make the Hessian positive definite; it perturbs w by the same relative order.
struct PortfolioProblemBuilder {
  let constraints: PortfolioConstraints
  let assets: [String]
  var n: Int { constraints.assetCount }
  var turnoverOffset: Int? { constraints.hasTurnover ? n : nil }
  var leverageOffset: Int? {
    constraints.hasLeverage ? n * (constraints.hasTurnover ? 2 : 1) : nil
  }
  var variableCount: Int {
    n * (1 + (constraints.hasTurnover ? 1 : 0) + (constraints.hasLeverage ? 1 : 0))
  }

  /// A row over all variables from weight coefficients.
  func row(_ weights: [Double], bound: Double, name: String) -> LinearConstraint {
    LinearConstraint(
      coefficients: weights + Array(repeating: 0, count: variableCount - n), bound: bound,
      name: name)
  }

  /// The budget equality.
  var equalities: [LinearConstraint] {
    [row(Array(repeating: 1, count: n), bound: 1, name: "budget (weights sum to 1)")]
  }

  /// Group, turnover and leverage rows as `a'v >= b`.
  var inequalities: [LinearConstraint] {
    var rows: [LinearConstraint] = []
    for group in constraints.groups {
      var a = [Double](repeating: 0, count: n)
      for i in group.members { a[i] = 1 }
      if let minimum = group.minimum {
        rows.append(row(a, bound: minimum, name: "group \(group.name) min \(fmt(minimum))"))
      }
      if let maximum = group.maximum {
        rows.append(
          row(
            a.map { -$0 }, bound: -maximum,
            name: "group \(group.name) max \(fmt(maximum))"))
      }
    }
    let m = variableCount
    if let offset = turnoverOffset, let tau = constraints.maxTurnover,
      let current = constraints.current
    {
      for i in 0..<n {
        var up = [Double](repeating: 0, count: m)
        up[offset + i] = 1
        up[i] = -1
        rows.append(LinearConstraint(coefficients: up, bound: -current[i], name: "turnover"))
        var down = [Double](repeating: 0, count: m)
        down[offset + i] = 1
        down[i] = 1
        rows.append(LinearConstraint(coefficients: down, bound: current[i], name: "turnover"))
      }
      var cap = [Double](repeating: 0, count: m)
      for i in 0..<n { cap[offset + i] = -1 }
      rows.append(
        LinearConstraint(
          coefficients: cap, bound: -tau,
          name: "max turnover \(fmt(tau))"))
    }
    if let offset = leverageOffset, let limit = constraints.maxLeverage {
      for i in 0..<n {
        for sign in [-1.0, 1.0] {
          var a = [Double](repeating: 0, count: m)
          a[offset + i] = 1
          a[i] = sign
          rows.append(LinearConstraint(coefficients: a, bound: 0, name: "leverage"))
        }
      }
      var cap = [Double](repeating: 0, count: m)
      for i in 0..<n { cap[offset + i] = -1 }
      rows.append(
        LinearConstraint(
          coefficients: cap, bound: -limit,
          name: "max leverage \(fmt(limit))"))
    }
    return rows
  }

  /// Variable bounds: the asset bounds, then `[0, inf)` for auxiliaries.
  var lower: [Double] { constraints.lower + Array(repeating: 0, count: variableCount - n) }
  var upper: [Double] {
    constraints.upper + Array(repeating: .infinity, count: variableCount - n)
  }

  /// `min 1/2 w'(scale S)w + linear'w` under the constraints, plus `extra` rows on w.
  func quadraticProgram(
    covariance: Matrix, scale: Double = 1, linear: [Double], extra: [LinearConstraint] = []
  ) -> QuadraticProgram {
    let m = variableCount
    var hessian = Matrix(rows: m, columns: m)
    var meanVariance = 0.0
    for i in 0..<n {
      for j in 0..<n { hessian[i, j] = scale * covariance[i, j] }
      meanVariance += scale * covariance[i, i] / Double(n)
    }
    for i in n..<m { hessian[i, i] = 1e-10 * meanVariance }
    let fullLinear = linear + Array(repeating: 0, count: m - n)
    return QuadraticProgram(
      hessian: hessian, linear: fullLinear, equalities: equalities,
      inequalities: inequalities
        + extra.map {
          row(
            $0.coefficients, bound: $0.bound,
            name: $0.name)
        },
      lower: lower, upper: upper)
  }

  /// Replaces "variable k" in a solver message with the asset (or auxiliary) it stands for.
  func describe(_ text: String) -> String {
    var result = text
    for k in stride(from: variableCount - 1, through: 0, by: -1) {
      let label: String
      if k < n {
        label = assets[k]
      } else if let t = turnoverOffset, k >= t, k < t + n {
        label = "turnover of \(assets[k - t])"
      } else {
        label = "gross weight of \(assets[k - (leverageOffset ?? 0)])"
      }
      result = result.replacingOccurrences(of: "variable \(k)", with: label)
    }
    return result
  }
}
