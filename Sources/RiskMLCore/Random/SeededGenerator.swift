import Foundation

/// A small, seedable pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// riskml never uses the global generator: every stochastic step owns one of these,
/// derived from the user's seed and a stream index (the tree number, the epoch), so
/// results do not depend on thread scheduling.
///
/// Sources: Blackman and Vigna, "Scrambled linear pseudorandom number generators"
/// (2021), for xoshiro256** and SplitMix64. The uniform integer draw is Lemire's
/// multiply-and-reject method (ACM TOMACS 2019).
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// A generator for `seed`, stream `stream` (independent streams per tree or worker).
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    state = (
      SeededGenerator.splitMix(&mixer), SeededGenerator.splitMix(&mixer),
      SeededGenerator.splitMix(&mixer), SeededGenerator.splitMix(&mixer)
    )
  }

  public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
    lhs.state == rhs.state
  }

  /// One SplitMix64 step: advances `x` and returns the mixed output.
  static func splitMix(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9E37_79B9_7F4A_7C15
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in [low, high); returns `low` when the interval is empty.
  public mutating func nextDouble(in low: Double, _ high: Double) -> Double {
    let value = low + (high - low) * nextUnit()
    return value < high ? value : low
  }

  /// A uniform integer in 0..<bound (bound > 0).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let floor = (0 &- range) % range
      while product.low < floor {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// A standard normal draw (Box-Muller, one of the pair).
  public mutating func nextGaussian() -> Double {
    let u1 = 1.0 - nextUnit()
    let u2 = nextUnit()
    return (-2.0 * log(u1)).squareRoot() * cos(2.0 * .pi * u2)
  }

  /// `count` distinct indices from 0..<population in increasing order (Floyd's method).
  ///
  /// - Complexity: O(count log count).
  public mutating func sample(_ count: Int, from population: Int) -> [Int] {
    precondition(count <= population, "cannot sample \(count) of \(population)")
    var chosen = Set<Int>(minimumCapacity: count)
    for upper in (population - count)..<population {
      let candidate = nextInt(below: upper + 1)
      chosen.insert(chosen.contains(candidate) ? upper : candidate)
    }
    return chosen.sorted()
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
