import Foundation
import JSONTree

/// A recorded message body, stored as readably as it allows: JSON as a tree (every number
/// lexeme kept), other UTF-8 as text, anything else as base64.
public struct RecordedBody: Hashable, Sendable {
  /// The stored form.
  public enum Content: Hashable, Sendable {
    /// A JSON document (content type JSON, and it parsed).
    case json(JSONValue)
    /// UTF-8 text.
    case text(String)
    /// Bytes that are not UTF-8 text.
    case base64(Data)
  }

  /// The stored content.
  public var content: Content
  /// The `Content-Encoding` (`gzip`, `deflate` or `br`) the body arrived with before it was
  /// stored decoded; on replay the header is dropped and `Content-Length` fixed up. The
  /// loader refuses any other value.
  public var decodedFrom: String?

  /// Creates a body; a JSON tree is stored with its object keys sorted (stably), as the
  /// cassette file holds it.
  public init(_ content: Content, decodedFrom: String? = nil) {
    if case .json(let tree) = content {
      self.content = .json(tree.sortingKeys())
    } else {
      self.content = content
    }
    self.decodedFrom = decodedFrom
  }

  /// Stores `data` as JSON when `contentType` says JSON and it parses, as text when it is
  /// UTF-8, and as base64 otherwise.
  public init(data: Data, contentType: String?) {
    let isJSON = contentType.map { $0.lowercased().containsBytes(of: "json") } ?? false
    if isJSON, let tree = try? JSONParser().parse(data) {
      self.init(.json(tree))
    } else if let text = String(validating: data, as: UTF8.self) {
      self.init(.text(text))
    } else {
      self.init(.base64(data))
    }
  }

  /// The bytes to send: JSON compact, text as UTF-8, base64 decoded.
  public var data: Data {
    switch content {
    case .json(let tree): Data(tree.serialized().utf8)
    case .text(let text): Data(text.utf8)
    case .base64(let bytes): bytes
    }
  }
}
