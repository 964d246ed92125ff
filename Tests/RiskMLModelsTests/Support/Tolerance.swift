/// Whether `actual` is within `relative` of `expected`, or within `absolute` of it.
///
/// The reference README states tolerances as "within R relative or A absolute"; both
/// are accepted here, the usual `|a - e| <= max(abs, rel * |e|)` test.
func isClose(
  _ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 0
) -> Bool {
  if actual == expected { return true }
  return abs(actual - expected) <= max(absolute, relative * abs(expected))
}
