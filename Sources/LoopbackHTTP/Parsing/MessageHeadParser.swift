/// The first line of a message head: a request line (the server's side) or a status line
/// (a client's side). The lines after it, and the limits, are the same for both.
protocol StartLine {
  /// What the line is called in refusals, such as `request line`.
  static var name: String { get }
  /// Whether empty lines before it are skipped (RFC 9112 §2.2: a server ignores at least
  /// one before a request line; nothing says so of a status line).
  static var skipsLeadingEmptyLines: Bool { get }
  /// Whether whitespace between a field name and its colon is removed, as RFC 9112 §5.1
  /// has a proxy do to a response, rather than refused, as a server must a request's.
  static var removesWhitespaceBeforeColon: Bool { get }
  /// Parses the line, without its CRLF.
  static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(MessageRejection) -> Self
}

/// Reads a start line and header fields from the start of a receive buffer, incrementally:
/// each call scans only the bytes that arrived since the previous one, and each line is
/// checked as soon as its CRLF arrives, so a bad message is refused without waiting for the
/// rest of it. Requests (``RequestHeadParser``) and responses (``HTTPResponseReader``) are
/// read by this one parser.
///
/// Lines end with CRLF only: a bare LF, or a CR followed by anything but LF, is refused. No
/// line folding (obs-fold), no control bytes in values; a field name must be a token.
struct MessageHeadParser<Start: StartLine> {
  /// The outcome of one call.
  enum Outcome {
    /// More bytes are needed.
    case incomplete
    /// The head is complete; it took `length` bytes of the buffer.
    case complete(Start, HTTPHeaders, length: Int)
  }

  private let maxHeadBytes: Int
  private let maxHeaderFields: Int
  private var scanned = 0
  private var lineStart = 0
  private var startLine: Start?
  private var fields: [(name: String, value: String)] = []

  /// Creates a parser enforcing the head size and field count limits.
  init(maxHeadBytes: Int, maxHeaderFields: Int) {
    self.maxHeadBytes = maxHeadBytes
    self.maxHeaderFields = maxHeaderFields
  }

  /// Scans the bytes of `buffer` not yet seen.
  mutating func parse(_ buffer: ReceiveBuffer) throws(MessageRejection) -> Outcome {
    try buffer.withUnsafeBytes { bytes throws(MessageRejection) in try scan(bytes) }
  }

  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(MessageRejection)
    -> Outcome
  {
    let end = min(bytes.count, maxHeadBytes)
    while scanned < end {
      let byte = bytes[scanned]
      scanned += 1
      if byte == HTTPGrammar.lineFeed {
        throw .badRequest("a line ends with LF alone, not CRLF")
      }
      guard byte == HTTPGrammar.carriageReturn else { continue }
      guard scanned < bytes.count else {
        scanned -= 1  // Look at this CR again once the next byte arrives.
        return .incomplete
      }
      guard bytes[scanned] == HTTPGrammar.lineFeed else {
        throw .badRequest("a CR is not followed by LF")
      }
      let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<(scanned - 1)])
      scanned += 1
      lineStart = scanned
      if let startLine = try complete(line: line) {
        return .complete(startLine, HTTPHeaders(fields), length: scanned)
      }
    }
    if scanned >= maxHeadBytes {
      throw .headTooLarge("the \(Start.name) and header fields exceed \(maxHeadBytes) bytes")
    }
    return .incomplete
  }

  /// Handles one complete line; returns the start line when it was the empty line ending
  /// the head.
  private mutating func complete(line: UnsafeBufferPointer<UInt8>) throws(MessageRejection)
    -> Start?
  {
    guard let startLine else {
      if !line.isEmpty || !Start.skipsLeadingEmptyLines { startLine = try Start.parse(line) }
      return nil
    }
    guard !line.isEmpty else { return startLine }
    guard fields.count < maxHeaderFields else {
      throw .headTooLarge("more than \(maxHeaderFields) header fields")
    }
    fields.append(
      try HeaderFieldLine.parse(
        line, removingWhitespaceBeforeColon: Start.removesWhitespaceBeforeColon))
    return nil
  }
}
