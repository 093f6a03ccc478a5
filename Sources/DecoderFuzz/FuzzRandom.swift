/// A seeded, reproducible random source (xoshiro256**, seeded through SplitMix64).
///
/// The same seed and stream give the same numbers on every machine and every run: the
/// generator uses only integer arithmetic, and the fuzzer derives a stream from the seed,
/// the shard and the target's name with ``StableHash``, never with `Hasher` (which is
/// randomly seeded per process).
public struct FuzzRandom: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates the generator for `seed`, in the independent stream `stream`.
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mixer = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15)
    func next() -> UInt64 {
      mixer &+= 0x9E37_79B9_7F4A_7C15
      var value = mixer
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
    state = (next(), next(), next(), next())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A number in `0..<bound` (0 when `bound` is 0), without modulo bias worth measuring.
  public mutating func below(_ bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// True with probability `numerator / denominator`.
  public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    below(denominator) < numerator
  }

  /// A random element of a non-empty collection.
  public mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }
}
