import DecoderFuzz
import Testing

@Suite("FuzzRandom and StableHash")
struct FuzzRandomTests {
  @Test("the same seed and stream give the same numbers; another stream does not")
  func reproducible() {
    var first = FuzzRandom(seed: 42, stream: 7)
    var second = FuzzRandom(seed: 42, stream: 7)
    var other = FuzzRandom(seed: 42, stream: 8)
    let a = (0..<16).map { _ in first.next() }
    let b = (0..<16).map { _ in second.next() }
    let c = (0..<16).map { _ in other.next() }
    #expect(a == b)
    #expect(a != c)
    #expect(Set(a).count == 16)
  }

  @Test("the stream is fixed across machines: pinned first values")
  func pinned() {
    var random = FuzzRandom(seed: 0)
    let values = (0..<3).map { _ in random.next() }
    #expect(values == FuzzRandomTests.pinnedValues)
  }

  static let pinnedValues: [UInt64] = [
    11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768,
  ]

  @Test("below stays in range and reaches every value", arguments: [1, 2, 7, 100])
  func belowRange(bound: Int) {
    var random = FuzzRandom(seed: 3)
    let draws = (0..<2_000).map { _ in random.below(bound) }
    #expect(draws.allSatisfy { (0..<bound).contains($0) })
    #expect(Set(draws).count == bound)
  }

  @Test("FNV-1a matches the published vectors")
  func fnv() {
    #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
    #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
    #expect(StableHash.hex(0xAB) == "00000000000000ab")
  }
}
