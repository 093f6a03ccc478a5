import Foundation
import JSONTree
import Tape
import Testing

/// The recorder's scan: the live values of a session are found in every form they take,
/// base64 at any alignment above all.
@Suite("Secret scanner: live secrets")
struct LiveSecretScanTests {
  /// Bytes that put `+` and `/` in every encoding of it, whatever its alignment.
  static let secret = "k>?~live>>?secret~?>"
  static let scanner = SecretScanner(liveSecrets: [secret], redactor: .huaweiCloud)

  /// Hits in a JSON object holding `text` under a key that says nothing.
  func hits(in text: String) -> [String] {
    Self.scanner.scan(.object([JSONMember("note", .string(text))])).map(\.description)
  }

  @Test(
    "inside a longer base64 stream, at each of the 3 alignments, padded or not, either alphabet",
    arguments: 0..<3, 0..<3)
  func base64AtEveryAlignment(before: Int, after: Int) {
    let stream = Data(
      Array(repeating: UInt8(0xA5), count: before) + Array(Self.secret.utf8)
        + Array(repeating: UInt8(0x5A), count: after))
    let standard = stream.base64EncodedString()
    let urlSafe = standard.replacing("+", with: "-").replacing("/", with: "_")
    #expect(standard != urlSafe)
    for (encoded, form) in [
      (standard, "base64-encoded"), (urlSafe, "base64url-encoded"),
      (String(standard.prefix { $0 != "=" }), "base64-encoded"),
      (String(urlSafe.prefix { $0 != "=" }), "base64url-encoded"),
    ] {
      // Behind text, so that the string is not wholly base64 and decoded as such.
      #expect(hits(in: "blob: " + encoded + " end") == ["at /note: a live secret (\(form))"])
    }
  }

  @Test("as it is, percent-encoded, in a query however it is encoded, in a number, in a key")
  func rawForms() {
    #expect(hits(in: "echo \(Self.secret)") == ["at /note: a live secret (raw)"])
    let percent = Self.secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    // Found as encoded, and again in the text read decoded.
    #expect(
      hits(in: "echo \(percent)") == [
        "at /note: a live secret (percent-encoded)", "at /note: a live secret (raw)",
      ])
    // A query value encoded by other rules than the needle's: read decoded.
    let partly = "k%3E%3F~live%3E%3E?secret~%3F%3E"
    #expect(
      hits(in: "https://h.example/p?x=\(partly)") == ["at /note: a live secret (raw)"])
    let numeric = SecretScanner(liveSecrets: ["73914205"])
    #expect(
      numeric.scan(.object([JSONMember("pin", .number("73914205"))])).map(\.description) == [
        "at /pin: a live secret (raw)"
      ])
    #expect(
      Self.scanner.scan(.object([JSONMember("x\(Self.secret)", .null)])).map(\.description) == [
        "at /x\(Self.secret.replacing("~", with: "~0")) (the key): a live secret (raw)"
      ])
  }

  @Test("a base64 body is decoded: the secret in binary bytes at any offset is found as it is")
  func base64Body() {
    for before in 0..<3 {
      let body = Data(
        Array(repeating: UInt8(0xFF), count: before) + Array(Self.secret.utf8) + [0x00, 0xFE])
      let data = CassetteFile.encode(
        Cassette(interactions: [
          Interaction(
            request: RecordedRequest(method: "GET", url: "https://h.example/blob"),
            response: RecordedResponse(status: 200, body: RecordedBody(.base64(body))))
        ]))
      #expect(
        Self.scanner.scan(data).map(\.description) == [
          "at /interactions/0/response/body/base64 (decoded): a live secret (raw)"
        ])
    }
  }

  @Test("the recorder refuses to write a live secret an answer carries in a binary body")
  func recorderRefusesBinaryBody() async throws {
    let token = "opaque-session-token-0123456789"
    let recorder = CassetteRecorder(redactor: .huaweiCloud)
    let upstream = CannedTransport { _ in
      (200, ["Content-Type": "application/octet-stream"], Data([0xFF, 0x00] + Array(token.utf8)))
    }
    _ = try await RecordingTransport(upstream: upstream, recorder: recorder)
      .send(request("https://h.example/blob", headers: ["X-Auth-Token": token]))
    let file = temporaryFolder().appending(path: "blob.json")
    #expect {
      try recorder.write(to: file)
    } throws: { error in
      "\(error)".contains(
        "at /interactions/0/response/body/base64 (decoded): a live secret (raw)")
        && !"\(error)".contains(token)
    }
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }
}
