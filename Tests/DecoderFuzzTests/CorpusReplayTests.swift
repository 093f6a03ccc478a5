import DecoderFuzz
import Foundation
import Testing

/// Every file of `corpus/*/seeds` and `corpus/*/findings`, replayed. Seeds must pass every
/// oracle; findings are regression cases that must stay fixed. A finding recorded as a
/// trap is replayed in an exit test, so one that still crashes fails its own test only.
@Suite("Corpus replay")
struct CorpusReplayTests {
  static let store = FindingStore(corpusDirectory: corpusDirectory)

  /// Corpus files by their path below `corpus/`, for readable test names.
  static let seedFiles = store.seedFiles().map { relativePath($0) }
  static let findingFiles = store.findingFiles().map { relativePath($0) }

  static func relativePath(_ url: URL) -> String {
    String(url.path.dropFirst(corpusDirectory.path.count + 1))
  }

  /// The target a seed file belongs to: its API's model, or its error target by status.
  static func target(ofSeed path: String) -> FuzzTarget? {
    let parts = path.split(separator: "/")
    guard let key = parts.first, let name = parts.last,
      let status = SeedCorpus.documentedStatus(ofSeedNamed: String(name))
    else { return nil }
    return FuzzTargetRegistry.target(named: status >= 400 ? "\(key)-error" : String(key))
  }

  @Test("the corpus has every API's seeds")
  func corpusIsThere() {
    #expect(Self.seedFiles.count >= 10)
    #expect(Set(Self.seedFiles.compactMap { $0.split(separator: "/").first }).count == 5)
  }

  @Test("a documented seed passes every oracle of its target", arguments: seedFiles)
  func seed(path: String) throws {
    let target = try #require(Self.target(ofSeed: path))
    let bytes = Array(try Data(contentsOf: corpusDirectory.appending(path: path)))
    let outcome = target.execute(bytes)
    guard case .accepted = outcome else {
      Issue.record("\(path) through \(target.name): \(outcome)")
      return
    }
  }

  @Test("a finding no longer reproduces", arguments: findingFiles)
  func finding(path: String) async throws {
    let finding = try FindingStore.load(corpusDirectory.appending(path: path))
    let target = try #require(FuzzTargetRegistry.target(named: finding.target))
    #expect(finding.report.findingClass != .hang)
    if finding.report.findingClass == .trap {
      await #expect(processExitsWith: .success) { [path = path as String] in
        let finding = try FindingStore.load(corpusDirectory.appending(path: path))
        let target = FuzzTargetRegistry.target(named: finding.target)
        _ = target?.execute(finding.input)
      }
      return
    }
    let outcome = TimedExecution.run(target, finding.input, budgetMilliseconds: 2_000)
    #expect(outcome.finding == nil, "\(path) still reproduces: \(outcome)")
  }
}
