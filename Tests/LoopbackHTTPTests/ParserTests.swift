import SeededRandom
import Testing

@testable import LoopbackHTTP

@Suite("Incremental parsing")
struct ParserTests {
  /// A comparable summary of what parsing a head and a body gave, delivering `bytes` in
  /// pieces cut at `cuts`; "left" counts the bytes after the request, delivered or not.
  private static func summary(of bytes: [UInt8], splitAt cuts: [Int]) -> String {
    var buffer = ReceiveBuffer()
    var parser = RequestHeadParser(maxHeadBytes: 512, maxHeaderFields: 8)
    var decoder: ChunkedBodyDecoder?
    var head: RequestHead?
    var lines: [String] = []
    var start = 0
    for end in cuts + [bytes.count] where end > start {
      bytes[start..<end].withUnsafeBytes { buffer.append($0) }
      start = end
      if head == nil {
        switch parser.parse(buffer) {
        case .incomplete: continue
        case .rejected(let rejection): return "rejected \(rejection.status)"
        case .complete(let parsed, let length):
          buffer.consume(length)
          head = parsed
          lines.append(
            "\(parsed.method) \(parsed.target) \(parsed.version) \(parsed.headers.fields.map { "\($0.name)=\($0.value)" })"
          )
          do {
            if try BodyFraming(head: parsed, maxBodyBytes: 64) == .chunked {
              decoder = ChunkedBodyDecoder(maxBodyBytes: 64, maxTrailerBytes: 128)
            } else {
              return lines.joined() + " framed; \(buffer.count + bytes.count - start) left"
            }
          } catch {
            return lines.joined() + " refused \(error.status)"
          }
        }
      }
      switch decoder?.decode(&buffer) {
      case .complete(let body)?:
        return lines.joined() + " body \(body); \(buffer.count + bytes.count - start) left"
      case .rejected(let rejection)?: return lines.joined() + " body refused \(rejection.status)"
      case .incomplete?, nil: continue
      }
    }
    return lines.joined() + " incomplete"
  }

  private static let samples: [String] = [
    "GET /a?b HTTP/1.1\r\nHost: x\r\nA: 1\r\n\r\n",
    "\r\n\r\nPOST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi",
    "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;e=1\r\nhello\r\n0\r\nT: 1\r\n\r\nGET",
    "GET / HTTP/1.1\r\nHost: x\rY\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "Pad: 0123456789\r\n", count: 40),
    "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n",
  ]

  @Test("whole or byte by byte, a request parses the same", arguments: samples)
  func byteByByte(_ sample: String) {
    let bytes = Array(sample.utf8)
    let whole = Self.summary(of: bytes, splitAt: [])
    #expect(Self.summary(of: bytes, splitAt: Array(1..<bytes.count)) == whole)
    #expect(!whole.hasSuffix("incomplete"))
  }

  @Test("the samples parse to what the grammar says")
  func sampleOutcomes() {
    let outcomes = Self.samples.map { Self.summary(of: Array($0.utf8), splitAt: []) }
    #expect(outcomes[0] == #"GET /a?b HTTP/1.1 ["Host=x", "A=1"] framed; 0 left"#)
    #expect(outcomes[1] == #"POST / HTTP/1.0 ["Content-Length=2"] framed; 2 left"#)
    #expect(outcomes[2].hasSuffix("body [104, 101, 108, 108, 111]; 3 left"))
    #expect(outcomes[3] == "rejected 400")
    #expect(outcomes[4] == "rejected 431")
    #expect(outcomes[5].hasSuffix("body refused 413"))
  }

  @Test("20,000 seeded mutations never trap, and split delivery never changes the outcome")
  func mutationsAreConsistent() {
    var random = SplitMix64(seed: 0x5EED_0F_BAD_B17E5)
    let templates = Self.samples.map { Array($0.utf8) }
    let alphabet: [UInt8] = Array("\r\n :;,0aAzZ-\t\u{0}".utf8) + [0x7F, 0x80, 0xFF, 0xC3]
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
      let whole = Self.summary(of: bytes, splitAt: [])
      let split = Self.summary(of: bytes, splitAt: cuts)
      if whole != split {
        Issue.record("round \(round): \(bytes) whole: \(whole) split at \(cuts): \(split)")
        return
      }
      kinds.insert(Self.kind(of: whole))
    }
    #expect(
      kinds == [
        "rejected 400", "rejected 431", "rejected 505", "framed", "body", "body refused 400",
        "body refused 413", "refused 400", "incomplete",
      ])
  }

  /// The family of a summary: its status, or how far it got.
  private static func kind(of summary: String) -> String {
    for kind in ["rejected", "body refused", "refused"] {
      if let range = summary.range(of: kind + " ") {
        return kind + " " + summary[range.upperBound...].prefix(3)
      }
    }
    return ["framed", "body", "incomplete"].first { summary.contains($0) } ?? summary
  }
}
