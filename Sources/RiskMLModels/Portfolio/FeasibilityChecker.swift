/// Pre-solve checks of portfolio constraints, each failing with a message that names the
/// constraints in conflict and says what to change.
struct FeasibilityChecker {
  let builder: PortfolioProblemBuilder
  var constraints: PortfolioConstraints { builder.constraints }
  var assets: [String] { builder.assets }

  /// Runs every check; O(n * groups) plus one LP when a turnover cap is set.
  func check() throws {
    try checkBounds()
    try checkGroups()
    try checkLeverage()
    try checkTurnover()
  }

  private func checkBounds() throws {
    let n = constraints.assetCount
    for i in 0..<n where constraints.lower[i] > constraints.upper[i] {
      throw PortfolioError.infeasibleConstraints(
        "\(assets[i]) has lower bound \(fmt(constraints.lower[i])) above its upper bound "
          + "\(fmt(constraints.upper[i])): swap or widen them")
    }
    let highest = constraints.upper.reduce(0, +)
    if highest < 1 - 1e-12 {
      throw PortfolioError.infeasibleConstraints(
        "the bounds allow at most \(fmt(highest)) in total but the budget needs 1: raise "
          + "--bounds HI to at least \(fmt(1 / Double(n))) or add assets")
    }
    let lowest = constraints.lower.reduce(0, +)
    if lowest > 1 + 1e-12 {
      throw PortfolioError.infeasibleConstraints(
        "the bounds need at least \(fmt(lowest)) in total but the budget is 1: lower "
          + "--bounds LO to at most \(fmt(1 / Double(n)))")
    }
  }

  private func checkGroups() throws {
    var covered = Set<Int>()
    var isDisjoint = true
    var capTotal = 0.0
    var floorTotal = 0.0
    for group in constraints.groups {
      let upper = group.members.reduce(0) { $0 + constraints.upper[$1] }
      let lower = group.members.reduce(0) { $0 + constraints.lower[$1] }
      if let minimum = group.minimum, let maximum = group.maximum, minimum > maximum {
        throw PortfolioError.infeasibleConstraints(
          "group \(group.name) has minimum \(fmt(minimum)) above its maximum \(fmt(maximum))")
      }
      if let minimum = group.minimum, upper < minimum - 1e-12 {
        throw PortfolioError.infeasibleConstraints(
          "group \(group.name) needs at least \(fmt(minimum)) but its assets' upper bounds "
            + "allow only \(fmt(upper)): raise their bounds or lower the group minimum")
      }
      if let maximum = group.maximum, lower > maximum + 1e-12 {
        throw PortfolioError.infeasibleConstraints(
          "group \(group.name) is capped at \(fmt(maximum)) but its assets' lower bounds "
            + "need \(fmt(lower)): lower their bounds or raise the group cap")
      }
      if !covered.isDisjoint(with: group.members) { isDisjoint = false }
      covered.formUnion(group.members)
      capTotal += min(group.maximum ?? upper, upper)
      floorTotal += max(group.minimum ?? lower, lower)
    }
    guard isDisjoint, !constraints.groups.isEmpty else { return }
    for i in 0..<constraints.assetCount where !covered.contains(i) {
      capTotal += constraints.upper[i]
      floorTotal += constraints.lower[i]
    }
    if capTotal < 1 - 1e-12 {
      throw PortfolioError.infeasibleConstraints(
        "the group caps and bounds allow at most \(fmt(capTotal)) in total but the budget "
          + "needs 1: raise a group cap by \(fmt(1 - capTotal)) or add assets")
    }
    if floorTotal > 1 + 1e-12 {
      throw PortfolioError.infeasibleConstraints(
        "the group minimums and bounds need \(fmt(floorTotal)) in total but the budget is "
          + "1: lower a group minimum by \(fmt(floorTotal - 1))")
    }
  }

  private func checkLeverage() throws {
    guard let limit = constraints.maxLeverage else { return }
    if limit < 1 - 1e-12 {
      throw PortfolioError.infeasibleConstraints(
        "max leverage \(fmt(limit)) is below 1, but weights that sum to 1 have gross "
          + "exposure of at least 1: raise the leverage limit to at least 1")
    }
  }

  private func checkTurnover() throws {
    guard let tau = constraints.maxTurnover, let current = constraints.current,
      let offset = builder.turnoverOffset
    else { return }
    guard current.count == constraints.assetCount else {
      throw PortfolioError.dimensionMismatch(
        "\(current.count) current weights for \(constraints.assetCount) assets")
    }
    var objective = [Double](repeating: 0, count: builder.variableCount)
    for i in 0..<constraints.assetCount { objective[offset + i] = 1 }
    let program = builder.linearProgram(
      objective: objective, dropping: ["max turnover \(fmt(tau))"])
    guard case .optimal(_, let needed, _) = GLPKSimplexSolver().solve(program) else {
      return
    }
    if needed > tau + 1e-9 {
      let total = current.reduce(0, +)
      let note = abs(total - 1) > 1e-9 ? " (the current weights sum to \(fmt(total)))" : ""
      throw PortfolioError.infeasibleConstraints(
        "max turnover \(fmt(tau)) cannot reach weights that meet the other constraints "
          + "from the current weights\(note), which needs turnover of at least "
          + "\(fmt(needed)): raise --max-turnover to at least \(fmt(needed))")
    }
  }
}
