import Foundation
import SeededRandom
import Testing

@testable import LoopbackHTTP

/// The client side of the one HTTP/1.1 parser: answers read by `HTTPResponseReader`, with
/// the head parser, framing rules and chunked decoder the server reads requests with.
@Suite("Response reading")
struct ResponseReaderTests {
  /// A comparable summary of what reading `bytes` as the answer to a `method` request gave,
  /// delivered in pieces cut at `cuts`, then the end of the stream when `closes`.
  static func summary(
    of bytes: [UInt8], method: String = "GET", splitAt cuts: [Int] = [], closes: Bool = true,
    limits: HTTPResponseReader.Limits = .init(maxHeadBytes: 256, maxBodyBytes: 64)
  ) -> String {
    var reader = HTTPResponseReader(requestMethod: method, limits: limits)
    var start = 0
    for end in cuts.map({ min($0, bytes.count) }) + [bytes.count] where end > start {
      bytes[start..<end].withUnsafeBytes { reader.receive($0) }
      start = end
      do {
        if case .complete(let answer) = try reader.read() {
          // Bytes not delivered yet would have followed the answer: out of step.
          return describe(answer, interim: reader.interimAnswers, more: start < bytes.count)
        }
      } catch {
        return "\(error.kind): \(error.detail)"
      }
    }
    guard closes else { return "incomplete" }
    do {
      if case .complete(let answer) = try reader.read(endOfStream: true) {
        return describe(answer, interim: reader.interimAnswers)
      }
      return "incomplete at the end"
    } catch {
      return "\(error.kind): \(error.detail)"
    }
  }

  private static func describe(_ answer: HTTPResponseMessage, interim: Int, more: Bool = false)
    -> String
  {
    let head = answer.head
    let fields = head.headers.fields.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    return "\(head.version) \(head.status) \(head.reasonPhrase ?? "<not UTF-8>") [\(fields)] "
      + "body \(String(decoding: answer.body, as: UTF8.self).debugDescription)"
      + (answer.keepsConnection && !more ? " keeps" : " closes")
      + (interim > 0 ? " after \(interim) 1xx" : "")
  }

  static func summary(_ text: String, method: String = "GET", closes: Bool = true) -> String {
    summary(of: Array(text.utf8), method: method, closes: closes)
  }

  @Test("framing: length, chunked, until the end of the connection, and no body where none can be")
  func framing() {
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", closes: false)
        == #"HTTP/1.1 200 OK [Content-Length=2] body "ok" keeps"#)
    #expect(
      Self.summary(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;x=1\r\nok\r\n1\r\n!\r\n0\r\nT: 1\r\n\r\n",
        closes: false) == #"HTTP/1.1 200 OK [Transfer-Encoding=chunked] body "ok!" keeps"#)
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nX: 1\r\n\r\nuntil the end")
        == #"HTTP/1.1 200 OK [X=1] body "until the end" closes"#)
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nX: 1\r\n\r\nnot yet", closes: false) == "incomplete")
    // An answer to HEAD, a 204 and a 304 have no body, whatever their head says.
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", method: "HEAD", closes: false)
        == #"HTTP/1.1 200 OK [Content-Length=9] body "" keeps"#)
    for status in ["204 No Content", "304 Not Modified"] {
      #expect(
        Self.summary("HTTP/1.1 \(status)\r\nContent-Length: 3\r\n\r\n", closes: false)
          == #"HTTP/1.1 \#(status) [Content-Length=3] body "" keeps"#)
    }
    // The method is case-sensitive: `head` is not HEAD.
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", method: "head", closes: false)
        .hasSuffix(#"body "ok" keeps"#))
  }

  @Test("whether the connection is kept: version, Connection, and bytes after the answer")
  func persistence() {
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nConnection: x, Close\r\nContent-Length: 0\r\n\r\n")
        .hasSuffix("closes"))
    #expect(
      Self.summary("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", closes: false)
        .hasSuffix("closes"))
    #expect(
      Self.summary(
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", closes: false
      ).hasSuffix("keeps"))
    // A byte after the answer means the server is out of step with its client.
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab", closes: false)
        .hasSuffix(#"body "a" closes"#))
  }

  @Test("interim answers are skipped up to the final one; 101 is refused")
  func interim() {
    #expect(
      Self.summary(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
          + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", closes: false)
        == #"HTTP/1.1 200 OK [Content-Length=2] body "ok" keeps after 2 1xx"#)
    #expect(
      Self.summary("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", closes: false)
        == "unsupported: the server switched protocols (101 Switching Protocols)")
    let many = String(repeating: "HTTP/1.1 100 Continue\r\n\r\n", count: 17)
    #expect(
      Self.summary(of: Array(many.utf8), limits: .init(maxInterimAnswers: 16))
        == "malformed: more than 16 interim (1xx) answers")
    #expect(
      Self.summary("HTTP/1.1 100 Continue\r\n\r\n")
        == "truncated: the connection closed in the middle of an answer's head")
  }

  @Test("the end of the connection before or inside an answer")
  func endings() {
    #expect(Self.summary("") == "noAnswer: the connection closed before an answer")
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nContent-") == "truncated: the connection closed in the "
        + "middle of an answer's head")
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab")
        == "truncated: the connection closed after 2 of 5 body bytes")
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")
        == "truncated: the connection closed in the middle of a chunked body")
  }

  @Test("the strict grammar of the server's requests, and RFC 9112's rules for a response")
  func grammar() {
    let refused: [(String, String)] = [
      ("SSH-2.0-OpenSSH\r\n\r\n", "malformed"),
      ("HTTP/1.1 abc OK\r\n\r\n", "malformed"),
      ("HTTP/1.1\r\n\r\n", "malformed"),
      ("HTTP/1.1 099 Low\r\n\r\n", "malformed"),
      ("HTTP/1.1 2000 OK\r\n\r\n", "malformed"),
      ("HTTP/2.0 200 OK\r\n\r\n", "unsupported"),
      ("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n", "malformed"),
      ("HTTP/1.1 200 OK\nA: 1\n\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nA: \u{1}\r\n\r\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "malformed"),
      ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "unsupported"),
      ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "malformed"),
      ("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "malformed"),
      ("HTTP/1.1 200 OK\r\nContent-Length: 65\r\n\r\n", "tooLarge"),
    ]
    for (answer, kind) in refused {
      let outcome = Self.summary(answer)
      #expect(outcome.hasPrefix(kind + ":"), "\(answer.debugDescription): \(outcome)")
    }
    // RFC 9112 §5.1: a proxy removes whitespace between a response's field name and colon.
    #expect(
      Self.summary("HTTP/1.1 200 OK\r\nX-A \t: 1\r\nContent-Length: 0\r\n\r\n", closes: false)
        == #"HTTP/1.1 200 OK [X-A=1,Content-Length=0] body "" keeps"#)
    // No reason phrase, or one that is not UTF-8.
    #expect(
      Self.summary("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", closes: false)
        == #"HTTP/1.1 200  [Content-Length=0] body "" keeps"#)
    #expect(
      Self.summary(
        of: Array("HTTP/1.1 200 \u{FF}\r\nContent-Length: 0\r\n\r\n".utf8).map {
          $0 == 0xC3 ? 0xFF : $0
        }
      ).hasPrefix("HTTP/1.1 200 <not UTF-8>"))
  }

  @Test("a body past the limit fails however it is framed")
  func bodyLimit() {
    let limits = HTTPResponseReader.Limits(maxBodyBytes: 1_000)
    let chunk = "100\r\n" + String(repeating: "x", count: 256) + "\r\n"
    let answers = [
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: chunk, count: 8),
      "HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 2_000),
      "HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n",
    ]
    for answer in answers {
      #expect(
        Self.summary(
          of: Array(answer.utf8), splitAt: [40, 300, 600], closes: false, limits: limits)
          == "tooLarge: the body is larger than 1000 bytes")
    }
  }

  private static let samples: [String] = [
    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nA: 1\r\n\r\nok",
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;e=1\r\nhello\r\n0\r\nT: 1\r\n\r\n",
    "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end",
    "HTTP/1.1 204 No Content\r\nX: y\r\n\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n",
  ]

  @Test("20,000 seeded mutations never trap, and split delivery never changes the outcome")
  func mutationsAreConsistent() {
    var random = SplitMix64(seed: 0x5EED_0F_A75_E7)
    let templates = Self.samples.map { Array($0.utf8) }
    let alphabet: [UInt8] = Array("\r\n :;,0aAzZ-\t\u{0}1".utf8) + [0x7F, 0x80, 0xFF, 0xC3]
    var kinds: Set<String> = []
    for round in 0..<20_000 {
      var bytes = templates[Int(random.next() % UInt64(templates.count))]
      for _ in 0..<(1 + random.next() % 4) {
        let position = Int(random.next() % UInt64(bytes.count + 1))
        let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
        switch random.next() % 3 {
        case 0: bytes.insert(byte, at: position)
        case 1: if position < bytes.count { bytes.remove(at: position) }
        default: if position < bytes.count { bytes[position] = byte }
        }
      }
      let cuts = (0..<(random.next() % 6)).map { _ in Int(random.next() % UInt64(bytes.count + 1)) }
        .sorted()
      let whole = Self.summary(of: bytes)
      let split = Self.summary(of: bytes, splitAt: cuts)
      if whole != split {
        Issue.record("round \(round): \(bytes) whole: \(whole) split at \(cuts): \(split)")
        return
      }
      kinds.insert(String(whole.prefix { $0 != ":" && $0 != " " }))
    }
    #expect(
      kinds.isSuperset(of: ["HTTP/1.1", "HTTP/1.0", "malformed", "truncated", "tooLarge"]),
      "\(kinds)")
  }
}
