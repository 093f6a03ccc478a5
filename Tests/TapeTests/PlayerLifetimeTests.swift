import Foundation
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A session made with `makeURLSession()` keeps its player alive and never reaches another
/// player, however many players come and go around it.
@Suite("Player lifetime")
struct PlayerLifetimeTests {
  /// A session answering `{"cassette": value}` to `taskURL`, from a player the caller drops.
  static func session(answering value: Int, steps: Int = 1) throws -> URLSession {
    let interactions = try (0..<steps).map { step in
      try exchange(taskURL, json: #"{"cassette": \#(value), "step": \#(step)}"#)
    }
    return try player(interactions).makeURLSession()
  }

  @Test("a session used after its player was released by the caller answers from its cassette")
  func sessionOutlivesItsPlayerReference() async throws {
    let session = try Self.session(answering: 1)
    var others: [CassettePlayer] = []
    for other in 2..<40 {
      let tape = try player([try exchange(taskURL, json: #"{"cassette": \#(other), "step": 0}"#)])
      _ = tape.makeURLSession()
      others.append(tape)
    }
    #expect(text(try await session.send(request(taskURL))) == #"{"cassette":1,"step":0}"#)
    #expect(others.count == 38)
  }

  @Test("sessions whose players come and go each answer from their own cassette")
  func churn() async throws {
    for value in 0..<20 {
      let session = try Self.session(answering: value)
      #expect(text(try await session.send(request(taskURL))) == #"{"cassette":\#(value),"step":0}"#)
    }
  }

  /// 32 parallel cases; each keeps only its session, while it creates and releases other
  /// players (with sessions) answering the same URL from other cassettes.
  @Test(
    "parallel tests with released players and churning slots see only their own answers",
    arguments: 0..<32)
  func parallelChurn(index: Int) async throws {
    let session = try Self.session(answering: index, steps: 3)
    for step in 0..<3 {
      for other in 0..<8 {
        let churned = try Self.session(answering: 1000 + other)
        #expect(
          text(try await churned.send(request(taskURL)))
            == #"{"cassette":\#(1000 + other),"step":0}"#)
      }
      let answer = text(try await session.send(request(taskURL)))
      #expect(answer == #"{"cassette":\#(index),"step":\#(step)}"#)
    }
  }
}

@Suite("Protocol slots")
struct ProtocolSlotTests {
  /// FoundationNetworking on Linux keeps a session that has sent a request a moment longer
  /// (its task registry lets go later, on its own queue; seen released within 200 ms), and
  /// tests do not wait on time, so this checks a session that never sent one: nothing else
  /// keeps the player.
  @Test("a session that is gone releases its player")
  func goneSessionReleasesPlayer() throws {
    weak var released: CassettePlayer?
    weak var releasedSession: URLSession?
    do {
      let tape = try player([try exchange(taskURL, json: "{}")])
      released = tape
      let session = tape.makeURLSession()
      releasedSession = session
      #expect(session.configuration.protocolClasses?.isEmpty == false)
    }
    #expect(releasedSession == nil)
    #expect(released == nil)
  }

  /// A session built from a replaying session's configuration shares its protocol class
  /// but not its lease: once the replaying session is gone, it must fail, not reach the
  /// player of whichever session came next.
  @Test("a session copied from a gone replaying session fails clearly, never another player")
  func copiedConfiguration() async throws {
    let copied: URLSession
    do {
      let tape = try player([try exchange(taskURL, json: #"{"cassette": 1}"#)])
      copied = URLSession(configuration: tape.makeURLSession().configuration)
    }
    let others = try (2..<6).map {
      try player([try exchange(taskURL, json: #"{"cassette": \#($0)}"#)])
    }
    let sessions = others.map { $0.makeURLSession() }
    for (value, session) in zip(2..<6, sessions) {
      #expect(text(try await session.send(request(taskURL))) == #"{"cassette":\#(value)}"#)
    }
    let error = await #expect(throws: URLError.self) {
      try await copied.send(request(taskURL))
    }
    #expect(
      error?.localizedDescription.contains("this request's replay slot has no player") == true)
  }
}
