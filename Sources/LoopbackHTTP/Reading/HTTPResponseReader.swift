import Foundation

/// Reads the answer to one request from the bytes a client connection receives, with the
/// parser the server reads requests with (``MessageHeadParser``, ``BodyFraming``,
/// ``ChunkedBodyDecoder``) and the rules of a response beside it: a status line instead of a
/// request line; no body for an answer to HEAD, nor for a 1xx, 204 or 304; a body with
/// neither length nor coding ends with the connection; interim (1xx) answers are read and
/// skipped, up to the final one, except 101, which is refused (the connection would speak
/// another protocol).
///
/// Every part has a limit (``Limits``); past it reading fails with
/// ``HTTPResponseError/Kind/tooLarge``, and nothing more is kept.
///
/// ```swift
/// var reader = HTTPResponseReader(requestMethod: "GET")
/// while true {
///   let count = recv(...)              // into a buffer
///   reader.receive(bytes)              // nothing when count == 0
///   if case .complete(let answer) = try reader.read(endOfStream: count == 0) { ... }
/// }
/// ```
public struct HTTPResponseReader {
  /// How much of an answer is read before reading fails.
  public struct Limits: Sendable, Equatable {
    /// The most bytes of status line and header fields (and of a chunked body's trailer
    /// section).
    public var maxHeadBytes: Int
    /// The most header fields in one head.
    public var maxHeaderFields: Int
    /// The largest body, however it is framed.
    public var maxBodyBytes: Int
    /// The most interim (1xx) answers before the final one.
    public var maxInterimAnswers: Int

    /// Creates limits; the defaults are 64 KiB of head, 256 fields, a 64 MiB body and 16
    /// interim answers.
    public init(
      maxHeadBytes: Int = 64 * 1024, maxHeaderFields: Int = 256,
      maxBodyBytes: Int = 64 * 1024 * 1024, maxInterimAnswers: Int = 16
    ) {
      self.maxHeadBytes = max(64, maxHeadBytes)
      self.maxHeaderFields = max(1, maxHeaderFields)
      self.maxBodyBytes = max(0, maxBodyBytes)
      self.maxInterimAnswers = max(0, maxInterimAnswers)
    }
  }

  /// What one call to ``read(endOfStream:)`` gave.
  public enum Progress: Sendable {
    /// More bytes are needed.
    case needsBytes
    /// The final answer, whole.
    case complete(HTTPResponseMessage)
  }

  private enum Body {
    case length(Int)
    /// Decoded by ``decoder``.
    case chunked
    case untilClose
  }

  private enum Stage {
    /// Parsed by ``headParser``.
    case head
    case body(HTTPResponseHead, Body)
    case finished
  }

  /// The method of the request being answered, which decides whether a body follows.
  public let requestMethod: String
  /// The limits in force.
  public let limits: Limits
  /// How many interim (1xx) answers were read and skipped.
  public private(set) var interimAnswers = 0
  /// Whether any byte of an answer has arrived.
  public private(set) var hasReceivedBytes = false
  private var buffer = ReceiveBuffer()
  private var stage = Stage.head
  // Kept apart from `stage`, so that they change in place rather than being copied.
  private var headParser: MessageHeadParser<StatusLine>
  private var decoder: ChunkedBodyDecoder?

  /// A reader for the answer to a `requestMethod` request (case-sensitive: `HEAD`).
  public init(requestMethod: String, limits: Limits = Limits()) {
    self.requestMethod = requestMethod
    self.limits = limits
    headParser = Self.headParser(limits)
  }

  private static func headParser(_ limits: Limits) -> MessageHeadParser<StatusLine> {
    MessageHeadParser(maxHeadBytes: limits.maxHeadBytes, maxHeaderFields: limits.maxHeaderFields)
  }

  /// Adds bytes received from the connection.
  public mutating func receive(_ bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty else { return }
    hasReceivedBytes = true
    buffer.append(bytes)
  }

  /// Reads what the bytes received so far hold; `endOfStream` when the connection has
  /// ended (no more bytes will come).
  ///
  /// - Throws: ``HTTPResponseError``; the reader is not to be used again after it, and has
  ///   let go of what it held.
  public mutating func read(endOfStream: Bool = false) throws(HTTPResponseError) -> Progress {
    do throws(HTTPResponseError) {
      while true {
        switch stage {
        case .finished:
          throw HTTPResponseError(.malformed, "the answer was already read")
        case .head:
          let outcome: MessageHeadParser<StatusLine>.Outcome
          do throws(MessageRejection) {
            outcome = try headParser.parse(buffer)
          } catch {
            throw HTTPResponseError(error)
          }
          switch outcome {
          case .incomplete:
            guard endOfStream else { return .needsBytes }
            if buffer.isEmpty && interimAnswers == 0 {
              throw HTTPResponseError(.noAnswer, "the connection closed before an answer")
            }
            throw HTTPResponseError(
              .truncated, "the connection closed in the middle of an answer's head")
          case .complete(let line, let headers, let length):
            buffer.consume(length)
            try begin(
              HTTPResponseHead(
                version: line.version, status: line.status, reasonPhrase: line.reasonPhrase,
                headers: headers))
          }
        case .body(let head, let body):
          guard let message = try readBody(head, body, endOfStream: endOfStream) else {
            return .needsBytes
          }
          return .complete(message)
        }
      }
    } catch {
      stage = .finished
      buffer = ReceiveBuffer()
      decoder = nil
      throw error
    }
  }

  /// Moves on from a whole head: skips an interim answer, refuses 101, or starts the body.
  private mutating func begin(_ head: HTTPResponseHead) throws(HTTPResponseError) {
    if head.status == 101 {
      throw HTTPResponseError(
        .unsupported, "the server switched protocols (101 Switching Protocols)")
    }
    if head.status < 200 {
      interimAnswers += 1
      guard interimAnswers <= limits.maxInterimAnswers else {
        throw HTTPResponseError(
          .malformed, "more than \(limits.maxInterimAnswers) interim (1xx) answers")
      }
      headParser = Self.headParser(limits)
      stage = .head
      return
    }
    let framing: BodyFraming
    do throws(MessageRejection) {
      framing = try BodyFraming.response(
        status: head.status, headers: head.headers, version: head.version,
        requestMethod: requestMethod, maxBodyBytes: limits.maxBodyBytes)
    } catch {
      throw HTTPResponseError(error)
    }
    switch framing {
    case .length(let length):
      stage = .body(head, .length(length))
    case .chunked:
      decoder = ChunkedBodyDecoder(
        maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeadBytes)
      stage = .body(head, .chunked)
    case .untilClose:
      stage = .body(head, .untilClose)
    }
  }

  /// The whole answer once its body is in; nil when more bytes are needed.
  private mutating func readBody(_ head: HTTPResponseHead, _ body: Body, endOfStream: Bool)
    throws(HTTPResponseError) -> HTTPResponseMessage?
  {
    let data: Data
    var persistent = head.allowsPersistentConnection
    switch body {
    case .length(let length):
      guard buffer.count >= length else {
        guard !endOfStream else {
          throw HTTPResponseError(
            .truncated, "the connection closed after \(buffer.count) of \(length) body bytes")
        }
        return nil
      }
      data = Data(buffer.prefix(length))
      buffer.consume(length)
    case .chunked:
      switch decoder?.decode(&buffer) ?? .incomplete {
      case .complete(let bytes):
        decoder = nil
        data = Data(bytes)
      case .rejected(let rejection):
        throw HTTPResponseError(rejection)
      case .incomplete:
        guard !endOfStream else {
          throw HTTPResponseError(
            .truncated, "the connection closed in the middle of a chunked body")
        }
        return nil
      }
    case .untilClose:
      guard buffer.count <= limits.maxBodyBytes else {
        throw HTTPResponseError(.contentTooLarge(limit: limits.maxBodyBytes))
      }
      guard endOfStream else { return nil }
      data = Data(buffer.prefix(buffer.count))
      buffer.consume(buffer.count)
      persistent = false
    }
    stage = .finished
    return HTTPResponseMessage(
      head: head, body: data, keepsConnection: persistent && buffer.isEmpty && !endOfStream)
  }
}
