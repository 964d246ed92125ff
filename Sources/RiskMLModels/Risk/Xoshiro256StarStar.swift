import Foundation

/// The xoshiro256** generator of Blackman & Vigna (2018), "Scrambled linear pseudorandom
/// number generators", seeded through SplitMix64 so that any 64-bit seed gives a good state.
///
/// Deterministic across platforms: the same seed always gives the same sequence.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s: (UInt64, UInt64, UInt64, UInt64)
  /// A cached second normal variate from the last polar step.
  private var spareNormal: Double?

  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  public mutating func next() -> UInt64 {
    let result = rotate(s.1 &* 5, 7) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = rotate(s.3, 45)
    return result
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A standard normal variate by Marsaglia's polar method (pairs; the second is cached).
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    while true {
      let u = 2 * nextUniform() - 1
      let v = 2 * nextUniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let factor = (-2 * log(s) / s).squareRoot()
        spareNormal = v * factor
        return u * factor
      }
    }
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
