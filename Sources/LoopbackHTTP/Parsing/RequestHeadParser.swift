/// Reads a request line and header fields from the start of a receive buffer, incrementally:
/// each call scans only the bytes that arrived since the previous one, and each line is
/// checked as soon as its CRLF arrives, so a bad request is refused without waiting for the
/// rest of it.
///
/// Lines end with CRLF only: a bare LF, or a CR followed by anything but LF, is a 400. Empty
/// lines before the request line are skipped (RFC 9112 §2.2).
struct RequestHeadParser {
  /// The outcome of one call.
  enum Outcome {
    /// More bytes are needed.
    case incomplete
    /// The head is complete and checked; it took `length` bytes of the buffer.
    case complete(RequestHead, length: Int)
    /// The request is refused.
    case rejected(RequestRejection)
  }

  private let maxHeadBytes: Int
  private let maxHeaderFields: Int
  private var scanned = 0
  private var lineStart = 0
  private var requestLine: RequestLine?
  private var fields: [(name: String, value: String)] = []

  /// Creates a parser enforcing the head size and field count limits.
  init(maxHeadBytes: Int, maxHeaderFields: Int) {
    self.maxHeadBytes = maxHeadBytes
    self.maxHeaderFields = maxHeaderFields
  }

  /// Scans the bytes of `buffer` not yet seen.
  mutating func parse(_ buffer: ReceiveBuffer) -> Outcome {
    do throws(RequestRejection) {
      return try buffer.withUnsafeBytes { bytes throws(RequestRejection) in
        try scan(bytes)
      }
    } catch {
      return .rejected(error)
    }
  }

  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(RequestRejection)
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
      if let head = try complete(line: line) {
        return .complete(head, length: scanned)
      }
    }
    if scanned >= maxHeadBytes {
      throw .headTooLarge("the request line and header fields exceed \(maxHeadBytes) bytes")
    }
    return .incomplete
  }

  /// Handles one complete line; returns the head when it was the empty line ending it.
  private mutating func complete(line: UnsafeBufferPointer<UInt8>) throws(RequestRejection)
    -> RequestHead?
  {
    guard let requestLine else {
      if !line.isEmpty { requestLine = try RequestLine.parse(line) }
      return nil
    }
    guard !line.isEmpty else {
      let head = RequestHead(
        method: requestLine.method, target: requestLine.target, version: requestLine.version,
        headers: HTTPHeaders(fields))
      try head.validateSemantics()
      return head
    }
    guard fields.count < maxHeaderFields else {
      throw .headTooLarge("more than \(maxHeaderFields) header fields")
    }
    fields.append(try HeaderFieldLine.parse(line))
    return nil
  }
}
