import DecoderFuzz
import Foundation
import Testing

@Suite("Shard")
struct ShardTests {
  @Test("i/n parses when 0 <= i < n", arguments: ["0/1", "2/8", "7/8"])
  func parses(text: String) throws {
    #expect(try #require(Shard(text)).description == text)
  }

  @Test("anything else is refused", arguments: ["8/8", "-1/4", "1/0", "1", "1/2/3", "a/b", ""])
  func refuses(text: String) {
    #expect(Shard(text) == nil)
  }

  @Test("each shard draws its own inputs; the same shard draws the same ones")
  func streams() throws {
    /// Which inputs a campaign of `shard` made, told by what each did.
    func summary(_ shard: String) throws -> [String] {
      let target = try #require(FuzzTargetRegistry.target(named: "insight"))
      return FuzzCampaign.run(
        FuzzConfiguration(
          targets: [target], seed: 42, shard: try #require(Shard(shard)), budget: .runs(300),
          corpusDirectory: corpusDirectory, findingsDirectory: nil
        ) { target in InProcessExecutor(target: target, budgetMilliseconds: 2_000) }
      ).map { "\($0.accepted) \($0.rejected) \($0.corpusSize)" }
    }
    let first = try summary("0/2")
    #expect(try summary("0/2") == first)
    #expect(try summary("1/2") != first)
  }
}
