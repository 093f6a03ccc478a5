import Foundation
import JSONTree

/// A recorded message body, stored as readably as it allows: JSON as a tree (every number
/// lexeme and the members' order kept), other UTF-8 as text, anything else as base64.
///
/// Replay sends the bytes the service sent: a JSON body the compact form of its tree
/// reproduces (what most services send) is stored as the tree alone; any other JSON text
/// (pretty-printed, other spacing, escapes such as `\/`) keeps its exact text in
/// ``wireText`` too, for as long as it still parses to the same tree (a redaction or any
/// other rewrite of the tree drops it).
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
  /// The exact JSON text the service sent, when the compact form of the tree would not
  /// reproduce it; nil otherwise, and always nil for text and base64 bodies.
  public private(set) var wireText: String?

  /// Creates a body; `wireText` is kept only for a JSON tree it parses to (members in the
  /// same order) and that does not already serialize to it.
  public init(_ content: Content, decodedFrom: String? = nil, wireText: String? = nil) {
    self.content = content
    self.decodedFrom = decodedFrom
    // The compact form compared byte for byte (it was made into a String and compared by
    // Characters: a fifth of keeping a recorded exchange).
    if let wireText, case .json(let tree) = content,
      !JSONWriter.bytes(of: tree).elementsEqual(wireText.utf8),
      (try? JSONParser().parse(Data(wireText.utf8))) == tree
    {
      self.wireText = wireText
    }
  }

  /// Stores `data` as JSON when `contentType` says JSON and it parses, as text when it is
  /// UTF-8, and as base64 otherwise.
  public init(data: Data, contentType: String?) {
    let isJSON = contentType.map { $0.lowercased().containsBytes(of: "json") } ?? false
    if isJSON, let tree = try? JSONParser().parse(data) {
      self.init(.json(tree), wireText: String(decoding: data, as: UTF8.self))
    } else if let text = String(validating: data, as: UTF8.self) {
      self.init(.text(text))
    } else {
      self.init(.base64(data))
    }
  }

  /// The bytes to send: JSON as the service sent it (``wireText``, or the compact form),
  /// text as UTF-8, base64 decoded.
  public var data: Data {
    switch content {
    case .json(let tree): Data((wireText ?? tree.serialized()).utf8)
    case .text(let text): Data(text.utf8)
    case .base64(let bytes): bytes
    }
  }
}
