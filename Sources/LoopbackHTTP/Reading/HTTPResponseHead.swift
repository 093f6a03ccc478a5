import Foundation

/// The status line and header fields of a response a client read.
public struct HTTPResponseHead: Sendable {
  /// The protocol version of the status line.
  public var version: HTTPVersion
  /// The status code, 100...999.
  public var status: Int
  /// The reason phrase as sent; nil when it was not valid UTF-8.
  public var reasonPhrase: String?
  /// The header fields, in order, names as spelled.
  public var headers: HTTPHeaders

  /// Creates a head.
  public init(version: HTTPVersion, status: Int, reasonPhrase: String?, headers: HTTPHeaders) {
    self.version = version
    self.status = status
    self.reasonPhrase = reasonPhrase
    self.headers = headers
  }

  /// Whether the connection stays open for another exchange after this answer, as far as
  /// its head says: HTTP/1.1 unless `Connection: close`, HTTP/1.0 only with
  /// `Connection: keep-alive` (RFC 9112 §9.3).
  public var allowsPersistentConnection: Bool {
    let options = headers.values(for: "Connection").flatMap(HTTPGrammar.listElements)
      .map { $0.lowercased() }
    if options.contains("close") { return false }
    return version.minor >= 1 || options.contains("keep-alive")
  }
}

/// A whole response a client read: its head and its body, de-chunked.
public struct HTTPResponseMessage: Sendable {
  /// The status line and header fields.
  public var head: HTTPResponseHead
  /// The body, de-chunked when it came chunked (the trailer fields are dropped).
  public var body: Data
  /// Whether the connection may carry another request: the head allows it, the body was
  /// not delimited by the end of the connection, and no byte followed the answer.
  public var keepsConnection: Bool
}

/// Why a response could not be read.
public struct HTTPResponseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of failure.
  public enum Kind: Sendable, Equatable {
    /// The connection ended before the first byte of an answer.
    case noAnswer
    /// The connection ended in the middle of the answer.
    case truncated
    /// The answer does not follow the HTTP/1.1 grammar, or its framing can be read two ways.
    case malformed
    /// The head or the body is larger than the reader's limit.
    case tooLarge
    /// The answer is something the reader does not read: another protocol (101, HTTP/2), a
    /// tunnel, a transfer coding other than chunked.
    case unsupported
  }

  /// The kind of failure.
  public var kind: Kind
  /// One line saying what was wrong.
  public var detail: String

  /// Creates an error.
  public init(_ kind: Kind, _ detail: String) {
    self.kind = kind
    self.detail = detail
  }

  init(_ rejection: MessageRejection) {
    switch rejection.status {
    case 413, 431: self.init(.tooLarge, rejection.detail)
    case 501, 505: self.init(.unsupported, rejection.detail)
    default: self.init(.malformed, rejection.detail)
    }
  }

  /// The detail.
  public var description: String { detail }
}
