import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A recording URLSession sends through a `SameOriginTransport` (the trait's default
/// upstream, or one of the user's) from a task, and hands each answer back on URLSession's
/// shared queue through the trampoline: many requests in flight, every answer checked.
@Suite("Recording through URLSession: SameOriginTransport upstreams")
struct SessionRecordingUpstreamTests {
  /// The two kinds of `SameOriginTransport` upstream.
  enum Upstream: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case defaultUpstream, ownTransport

    var transport: SameOriginTransport {
      switch self {
      case .defaultUpstream: RecordingTransport.defaultUpstream
      case .ownTransport: SameOriginTransport()
      }
    }

    var testDescription: String { rawValue }
  }

  @Test(
    "a recording session records 400 requests at 16 in flight through a SameOriginTransport",
    arguments: Upstream.allCases)
  func manyInFlight(upstream: Upstream) async throws {
    let server = try HTTPServer.start { request in
      .json(text: #"{"item":"\#(request.path)"}"#)
    }
    let recorder = CassetteRecorder()
    let player = try CassettePlayer(
      cassette: Cassette(interactions: []), source: "memory",
      recording: RecordingSetup(
        transport: RecordingTransport(upstream: upstream.transport, recorder: recorder),
        recordsEverything: true))
    let session = player.makeURLSession()
    let base = server.baseURL
    try await withThrowingTaskGroup(of: Void.self) { group in
      for lane in 0..<16 {
        group.addTask {
          for n in 0..<25 {
            let (data, _) = try await session.data(from: base.appending(path: "items/\(lane)-\(n)"))
            #expect(String(decoding: data, as: UTF8.self) == #"{"item":"/items/\#(lane)-\#(n)"}"#)
          }
        }
      }
      try await group.waitForAll()
    }
    await server.stop()
    #expect(recorder.cassette().interactions.count == 400)
  }
}
