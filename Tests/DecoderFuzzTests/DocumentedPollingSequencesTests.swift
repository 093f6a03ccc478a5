import CloudProgress
import DecoderFuzz
import Foundation
import JSONTree
import Testing

@Suite("Documented polling sequences")
struct DocumentedPollingSequencesTests {
  static let cassettes: [CloudAPI: String] = [
    .cpts: "cpts-import-polling", .insight: "insight-import-polling",
    .quality: "quality-export-polling", .drs: "drs-template-progress",
    .check: "check-task-polling",
  ]

  @Test("each API's sequence is its cassette's answers, in order, repeats included")
  func matchCassettes() throws {
    for api in CloudAPI.allCases {
      let name = try #require(Self.cassettes[api])
      let cassette = try JSONParser().parse(
        Data(contentsOf: packageRoot.appending(path: "cassettes/\(name).json")))
      var answers: [JSONValue] = []
      for interaction in cassette["interactions"]?.arrayElements ?? [] {
        let response = try #require(interaction["response"])
        guard let status = response["status"]?.numberLexeme.flatMap(Int.init), status < 400
        else { continue }
        let times = interaction["repeat"]?.numberLexeme.flatMap(Int.init) ?? 1
        let body = try #require(response["body"]?["json"])
        answers += Array(repeating: body, count: times)
      }
      let sequences = DocumentedPollingSequences.of(api)
      #expect(sequences.count == 1)
      let builtIn = try sequences.first?.map { try json($0) }
      #expect(builtIn == answers, "\(api)")
    }
  }

  @Test("every answer decodes as documented; the rules hold; the last answer is terminal")
  func sequencesHold() throws {
    for api in CloudAPI.allCases {
      for sequence in DocumentedPollingSequences.of(api) {
        let models = try sequence.map { try api.decodeResponse(from: Data($0.utf8)) }
        #expect(models.allSatisfy { $0.wireAnomalies.isEmpty }, "\(api)")
        let progress = models.map(\.taskProgress)
        #expect(PollingSequenceRules.violation(in: progress) == nil, "\(api)")
        #expect(progress.last?.isTerminal == true, "\(api)")
        #expect(progress.dropLast().allSatisfy { !$0.isTerminal }, "\(api)")
      }
    }
  }
}

extension JSONValue {
  fileprivate var arrayElements: [JSONValue]? {
    if case .array(let elements) = self { elements } else { nil }
  }
}
