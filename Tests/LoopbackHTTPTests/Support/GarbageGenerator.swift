import SeededRandom

/// One malformed exchange of the garbage suite.
struct GarbageCase: Sendable {
  /// How the client leaves after sending.
  enum Ending: Sendable {
    /// It stops sending (`shutdown(SHUT_WR)`) and reads until the server closes.
    case halfClose
    /// It resets the connection at once, reading nothing.
    case reset
  }

  /// The family of the case, for failure messages and counts.
  let kind: String
  /// The bytes sent.
  let bytes: [UInt8]
  /// How the client leaves.
  let ending: Ending
  /// Whether the bytes hold a complete malformed head, so the server must answer 4xx rather
  /// than just close.
  let mustBeAnswered: Bool
}

/// A seeded, reproducible source of requests the server must refuse: random bytes, truncated
/// requests, huge heads, bad chunk sizes, NUL bytes, invalid UTF-8, CR without LF, LF without
/// CR, absurd or conflicting lengths, malformed request and header lines, disconnects
/// mid-body. Every case is malformed by construction, never valid by chance.
struct GarbageGenerator {
  private var random: SplitMix64
  private let maxHeadBytes: Int

  /// Creates a generator whose cases are fixed by `seed`; heads are made to exceed
  /// `maxHeadBytes` when a case needs a huge one.
  init(seed: UInt64, maxHeadBytes: Int) {
    random = SplitMix64(seed: seed)
    self.maxHeadBytes = maxHeadBytes
  }

  private static let templates: [String] = [
    "GET /path?q=1 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n",
    "POST /up HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world",
    "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
    "DELETE /v1/items/7 HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc\r\nUser-Agent: t/1\r\n\r\n",
  ]

  private static let badRequestLines: [String] = [
    "GET  / HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET /", "GET / HTTP/1",
    "GET / HTTP/1.",
    "GET / http/1.1", "GET / HTTP/1.1x", "GET path HTTP/1.1", "GET\t/\tHTTP/1.1", "GET / HTTPS/1.1",
    "G(T / HTTP/1.1", "GET / HTTP/a.b", "/ HTTP/1.1", "GET HTTP/1.1", "GET / HTTP/1.1\u{7F}",
  ]

  private static let badHeaderLines: [String] = [
    "NoColon", "Bad Name: v", "Name : v", ": empty", " folded: v", "\tfolded: v", "X: a\u{7F}b",
    "X: a\u{1}b", "[x]: v", "X\u{0}: v",
  ]

  private static let badChunkSizes: [String] = [
    "zz", "-5", "", "0x5", " 5", "5 z", "5;\u{1}", "g", "+5", "5.0", "١", "5\u{0}",
  ]

  private static let invalidUTF8: [[UInt8]] = [
    [0xFF], [0xC3, 0x28], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    [0xE2, 0x82], [0x80],
  ]

  /// The next case.
  mutating func next() -> GarbageCase {
    switch random.next() % 16 {
    case 0: randomBytes()
    case 1: truncated()
    case 2: hugeHead()
    case 3: badChunkSize()
    case 4: nulByte()
    case 5: invalidUTF8()
    case 6: carriageReturnWithoutLineFeed()
    case 7: absurdLength()
    case 8: disconnectMidBody()
    case 9: badRequestLine()
    case 10: lineFeedWithoutCarriageReturn()
    case 11: conflictingLengths()
    case 12: badHeaderLine()
    case 13: tooManyFields()
    case 14: badHost()
    default: badTransferEncoding()
    }
  }

  private mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[Int(random.next() % UInt64(elements.count))]
  }

  private mutating func number(_ range: Range<Int>) -> Int {
    range.lowerBound + Int(random.next() % UInt64(range.count))
  }

  private mutating func template() -> [UInt8] {
    Array(pick(Self.templates).utf8)
  }

  /// The length of the head (through its empty line) of a template.
  private static func headLength(_ bytes: [UInt8]) -> Int {
    (RawResponse.firstIndex(of: [13, 10, 13, 10], in: bytes) ?? bytes.count - 4) + 4
  }

  private mutating func randomBytes() -> GarbageCase {
    // The first byte can start no method (nor an empty line), so no request can form.
    let first = pick(Array(0...8) + [11, 12] + Array(14...31) + Array(127...255) + [32, 40, 58])
    var bytes = [UInt8(first)]
    for _ in 0..<number(0..<400) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
    return GarbageCase(
      kind: "random bytes", bytes: bytes, ending: .halfClose, mustBeAnswered: false)
  }

  private mutating func truncated() -> GarbageCase {
    let bytes = template()
    return GarbageCase(
      kind: "truncated", bytes: Array(bytes[0..<number(1..<bytes.count)]), ending: .halfClose,
      mustBeAnswered: false)
  }

  private mutating func hugeHead() -> GarbageCase {
    var text = "GET / HTTP/1.1\r\nHost: x\r\nX-Huge: "
    text += String(
      repeating: pick(["a", "b", "Z"]), count: number(maxHeadBytes..<(maxHeadBytes * 3)))
    text += "\r\n\r\n"
    return GarbageCase(
      kind: "huge head", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func badChunkSize() -> GarbageCase {
    let size =
      random.next() % 4 == 0
      ? String(repeating: "F", count: number(17..<40))  // Too large: 413.
      : pick(Self.badChunkSizes)
    let text =
      "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nabc\r\n0\r\n\r\n"
    return GarbageCase(
      kind: "bad chunk size", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func nulByte() -> GarbageCase {
    var bytes = template()
    bytes.insert(0, at: number(0..<(Self.headLength(bytes) - 1)))
    return GarbageCase(kind: "NUL byte", bytes: bytes, ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func invalidUTF8() -> GarbageCase {
    let sequence = pick(Self.invalidUTF8)
    var bytes: [UInt8]
    if random.next() % 2 == 0 {
      bytes = Array("GET /a".utf8) + sequence + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    } else {
      bytes = Array("GET / HTTP/1.1\r\nHost: x\r\nX-Name: ab".utf8) + sequence
      bytes += Array("cd\r\n\r\n".utf8)
    }
    return GarbageCase(
      kind: "invalid UTF-8", bytes: bytes, ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func carriageReturnWithoutLineFeed() -> GarbageCase {
    var bytes = template()
    let follower = UInt8(pick(Array(0...9) + Array(11...255)))
    bytes.insert(contentsOf: [13, follower], at: number(0..<(Self.headLength(bytes) - 1)))
    return GarbageCase(
      kind: "CR without LF", bytes: bytes, ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func lineFeedWithoutCarriageReturn() -> GarbageCase {
    var bytes = template()
    let lineEnds = (0..<(Self.headLength(bytes) - 1)).filter {
      bytes[$0] == 13 && bytes[$0 + 1] == 10
    }
    bytes.remove(at: pick(lineEnds))
    return GarbageCase(
      kind: "LF without CR", bytes: bytes, ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func absurdLength() -> GarbageCase {
    let digits = (0..<number(20..<60)).map { _ in String(random.next() % 10) }.joined()
    let length = pick([
      "9" + digits, "-" + digits, digits + "x", "1e9", "0x10", "١٢", "12 34", "1_000",
    ])
    let text = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \(length)\r\n\r\nbody"
    return GarbageCase(
      kind: "absurd length", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func disconnectMidBody() -> GarbageCase {
    let declared = number(10..<5_000)
    var bytes = Array("POST /m HTTP/1.1\r\nHost: x\r\nContent-Length: \(declared)\r\n\r\n".utf8)
    bytes += (0..<number(0..<declared)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    return GarbageCase(
      kind: "disconnect mid-body", bytes: bytes,
      ending: random.next() % 2 == 0 ? .reset : .halfClose,
      mustBeAnswered: false)
  }

  private mutating func badRequestLine() -> GarbageCase {
    let text = pick(Self.badRequestLines) + "\r\nHost: x\r\n\r\n"
    return GarbageCase(
      kind: "bad request line", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func badHeaderLine() -> GarbageCase {
    let text = "GET / HTTP/1.1\r\nHost: x\r\n\(pick(Self.badHeaderLines))\r\n\r\n"
    return GarbageCase(
      kind: "bad header line", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func conflictingLengths() -> GarbageCase {
    let fields = pick([
      "Content-Length: 3\r\nTransfer-Encoding: chunked",
      "Transfer-Encoding: chunked\r\nContent-Length: 0",
      "Content-Length: 3\r\nContent-Length: 4", "Content-Length: 3, 4", "Content-Length: 3,",
    ])
    let text = "POST / HTTP/1.1\r\nHost: x\r\n\(fields)\r\n\r\nabcd"
    return GarbageCase(
      kind: "conflicting lengths", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true
    )
  }

  private mutating func tooManyFields() -> GarbageCase {
    let fields = (0..<number(200..<400)).map { "F\($0): v\r\n" }.joined()
    let text = "GET / HTTP/1.1\r\nHost: x\r\n\(fields)\r\n"
    return GarbageCase(
      kind: "too many fields", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func badHost() -> GarbageCase {
    let text = pick([
      "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n",
    ])
    return GarbageCase(
      kind: "bad Host", bytes: Array(text.utf8), ending: .halfClose, mustBeAnswered: true)
  }

  private mutating func badTransferEncoding() -> GarbageCase {
    let coding = pick([
      "chunked, gzip", "gzip", "chunked, chunked", "chunked;q=1", ",", "chunked, ", "chu nked",
    ])
    let text = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \(coding)\r\n\r\n0\r\n\r\n"
    return GarbageCase(
      kind: "bad Transfer-Encoding", bytes: Array(text.utf8), ending: .halfClose,
      mustBeAnswered: true)
  }
}
