import CGLPK

/// Solves a `LinearProgram` with GLPK's primal simplex (`glp_simplex`) and its presolver.
///
/// The only file that imports CGLPK. GLPK indexes rows and columns from 1 and takes the
/// constraint matrix as coordinate triplets (`glp_load_matrix`).
/// - Complexity: that of the simplex method; typically a few passes over the rows.
struct GLPKSimplexSolver: Sendable {
  func solve(_ program: LinearProgram) -> LinearProgramOutcome {
    guard let lp = glp_create_prob() else { return .failed("glp_create_prob failed") }
    defer { glp_delete_prob(lp) }
    glp_set_obj_dir(lp, GLP_MIN)
    let columns = program.objective.count
    if columns > 0 { glp_add_cols(lp, Int32(columns)) }
    for j in 0..<columns {
      let (kind, lo, hi) = Self.boundKind(program.columnLower[j], program.columnUpper[j])
      glp_set_col_bnds(lp, Int32(j + 1), kind, lo, hi)
      glp_set_obj_coef(lp, Int32(j + 1), program.objective[j])
    }
    if !program.rows.isEmpty { glp_add_rows(lp, Int32(program.rows.count)) }
    var ia: [Int32] = [0]
    var ja: [Int32] = [0]
    var ar: [Double] = [0]
    for (i, row) in program.rows.enumerated() {
      let (kind, lo, hi) = Self.boundKind(row.lower, row.upper)
      glp_set_row_bnds(lp, Int32(i + 1), kind, lo, hi)
      for (index, value) in zip(row.indices, row.values) {
        ia.append(Int32(i + 1))
        ja.append(Int32(index + 1))
        ar.append(value)
      }
    }
    glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)

    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.presolve = GLP_ON
    parameters.msg_lev = GLP_MSG_OFF
    let code = glp_simplex(lp, &parameters)
    if code == GLP_ENOPFS { return .infeasible }
    if code == GLP_ENODFS { return .unbounded }
    guard code == 0 else { return .failed("glp_simplex returned \(code)") }
    switch glp_get_status(lp) {
    case GLP_OPT:
      let x = (0..<columns).map { glp_get_col_prim(lp, Int32($0 + 1)) }
      return .optimal(x: x, objective: glp_get_obj_val(lp), iterations: Int(glp_get_it_cnt(lp)))
    case GLP_NOFEAS: return .infeasible
    case GLP_UNBND: return .unbounded
    default: return .failed("GLPK status \(glp_get_status(lp))")
    }
  }

  /// GLPK's bound type for a range with possibly infinite ends.
  private static func boundKind(_ lo: Double, _ hi: Double) -> (Int32, Double, Double) {
    switch (lo.isFinite, hi.isFinite) {
    case (false, false): return (GLP_FR, 0, 0)
    case (true, false): return (GLP_LO, lo, 0)
    case (false, true): return (GLP_UP, 0, hi)
    case (true, true): return lo == hi ? (GLP_FX, lo, hi) : (GLP_DB, lo, hi)
    }
  }
}
