import Foundation
import JSONTree
import Testing

@testable import Tape

/// A replay gives the bytes the service sent: members in the wire's order, and the exact
/// text where the compact form of the tree would differ.
@Suite("Byte-exact JSON bodies")
struct ByteExactReplayTests {
  @Test(
    "what a service sent is what replay sends, through a cassette file",
    arguments: [
      #"{"task_status":0,"progress":{"ratio":"0%","info":null}}"#,
      #"{"task_status": 0, "progress": {"ratio": "0%"}}"#,
      "{\n  \"b\": 1,\n  \"a\": [1, 2.50, 1e3]\n}\n",
      #"{"path":"a\/b","name":"\u00e9","dup":1,"dup":2}"#,
    ])
  func replaysTheWireBytes(wire: String) throws {
    let body = RecordedBody(data: Data(wire.utf8), contentType: "application/json")
    guard case .json = body.content else {
      Issue.record("stored as \(body.content), not as JSON")
      return
    }
    #expect(body.data == Data(wire.utf8))
    let cassette = Cassette(
      interactions: [
        Interaction(
          request: RecordedRequest(method: "GET", url: "https://h.example/a"),
          response: RecordedResponse(status: 200, body: body))
      ])
    let loaded = try CassetteFile.decode(CassetteFile.encode(cassette), file: "x.json")
    #expect(loaded.interactions[0].response.body?.data == Data(wire.utf8))
    #expect(CassetteFile.encode(loaded) == CassetteFile.encode(cassette))
  }

  @Test("compact JSON is stored as the tree alone, its members in the wire's order")
  func compactNeedsNoText() throws {
    let wire = #"{"z":1,"a":{"y":true,"b":null}}"#
    let body = RecordedBody(data: Data(wire.utf8), contentType: "application/json")
    #expect(body.wireText == nil)
    let text = String(
      decoding: CassetteFile.encode(
        Cassette(interactions: [
          Interaction(
            request: RecordedRequest(method: "GET", url: "https://h.example/a"),
            response: RecordedResponse(status: 200, body: body))
        ])), as: UTF8.self)
    let z = try #require(text.range(of: #""z": 1"#))
    let a = try #require(text.range(of: #""a": {"#))
    #expect(z.lowerBound < a.lowerBound)
  }

  @Test("a redaction drops the exact text: the secret is in it")
  func redactionDropsText() throws {
    let wire = #"{"user": "u1", "password": "hunter2"}"#
    let raw = Interaction(
      request: RecordedRequest(
        method: "POST", url: "https://h.example/login",
        headers: ["Content-Type": "application/json"],
        body: RecordedBody(data: Data(wire.utf8), contentType: "application/json")),
      response: RecordedResponse(status: 204))
    #expect(raw.request.body?.wireText == wire)
    let redacted = Redactor.standard.redact(raw)
    #expect(redacted.request.body?.wireText == nil)
    #expect(redacted.request.body?.data == Data(#"{"user":"u1","password":"<PASSWORD>"}"#.utf8))
  }

  @Test("a wireText that is not the body's JSON is refused, naming the place")
  func mismatchRefused() throws {
    let file = #"""
      {"formatVersion": 1, "interactions": [{"request": {"method": "GET", "url": "https://h.example/a"},
        "response": {"status": 200, "body": {"json": {"a": 1}, "wireText": "{\"a\": 2}"}}}]}
      """#
    #expect {
      try CassetteFile.decode(Data(file.utf8), file: "x.json")
    } throws: { error in
      "\(error)".contains("/interactions/0/response/body/wireText")
        && "\(error)".contains("does not parse to the body's 'json'")
    }
  }
}

/// Methods are case-sensitive (RFC 9110): a recorded `GET` does not answer a `get`.
@Suite("Method matching")
struct MethodCaseTests {
  @Test("a method matches only as recorded, case included")
  func caseSensitive() throws {
    let recorded = RequestSnapshot(RecordedRequest(method: "GET", url: "https://h.example/a"))
    let lower = RequestSnapshot(RecordedRequest(method: "get", url: "https://h.example/a"))
    #expect(lower.method == "get")
    #expect(!RequestMatcher.method.agrees(lower, recorded))
    #expect(RequestMatcher.method.agrees(recorded, recorded))
  }
}
