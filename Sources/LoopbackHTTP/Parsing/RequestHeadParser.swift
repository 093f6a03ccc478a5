/// Reads a request line and header fields from the start of a receive buffer, incrementally
/// (``MessageHeadParser``), then checks the fields the handler must never see wrong
/// (``RequestHead/validateSemantics()``).
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
    case rejected(MessageRejection)
  }

  private var parser: MessageHeadParser<RequestLine>

  /// Creates a parser enforcing the head size and field count limits.
  init(maxHeadBytes: Int, maxHeaderFields: Int) {
    parser = MessageHeadParser(maxHeadBytes: maxHeadBytes, maxHeaderFields: maxHeaderFields)
  }

  /// Scans the bytes of `buffer` not yet seen.
  mutating func parse(_ buffer: ReceiveBuffer) -> Outcome {
    do throws(MessageRejection) {
      switch try parser.parse(buffer) {
      case .incomplete:
        return .incomplete
      case .complete(let line, let headers, let length):
        let head = RequestHead(
          method: line.method, target: line.target, version: line.version, headers: headers)
        try head.validateSemantics()
        return .complete(head, length: length)
      }
    } catch {
      return .rejected(error)
    }
  }
}
