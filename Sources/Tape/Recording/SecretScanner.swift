import Foundation
import JSONTree

/// Looks for secrets in what is about to be written (the recorder's last check before every
/// cassette write) or what was committed (`tape audit`), by the rules of one ``Redactor``.
///
/// What it finds, wherever it is in a cassette, a HAR file or any JSON document:
/// - **Values the redactor replaces, not replaced**: a secret header (``Redactor/isSecretHeader(_:)``),
///   query value (``Redactor/isSecretQueryKey(_:)``), JSON value at any depth, form field or
///   `name=value` pair in a text (``Redactor/isSecretKey(_:)``) whose value is not a
///   placeholder the redactor writes (``Redactor/isPlaceholder(_:)``: `<hunter2>` is not
///   one; a number must be `0`). Headers are `[name, value]` pairs (cassettes) or
///   `{"name", "value"}` objects (HAR, with `queryString`, `params` and `cookies` alike).
/// - **Shapes** (``SecretShape``): IAM tokens, JSON web tokens, AK/SK signatures and access
///   keys, private keys, `Basic` credentials; with a redactor built on
///   ``Redactor/huaweiCloud``, bare Huawei Cloud AKs and SKs.
/// - **The live values of a session** (`liveSecrets`, none for `tape audit`): as they are,
///   percent-encoded, and inside base64 at any alignment, in either alphabet. With a
///   redactor that scrubs tenant identifiers, their values too (their placeholders, such as
///   `tenant-project_id-scrubbed`, are not secrets).
///
/// Every body is read for what it holds: a `base64` body decoded, a text body read as JSON,
/// a form or text, a string that is JSON or wholly base64 read again. A document that is not
/// valid JSON (merge-conflict markers, cut short, invalid UTF-8) is reported with the line
/// and column where it breaks, and whatever it still holds is scanned all the same.
///
/// Hits name where they are (a JSON pointer, or a line and column in a broken document)
/// and what they look like, never the secret itself.
public struct SecretScanner: Sendable {
  /// One secret found.
  public struct Hit: Hashable, Sendable, CustomStringConvertible {
    /// Where: a JSON pointer in the document, such as `/interactions/0/request/headers/2/1`,
    /// followed for a value inside a body by how it was read
    /// (`/interactions/0/response/body/base64 (decoded) at /credential/secret`); or
    /// `line 12, column 7` in a document that is not valid JSON.
    public var location: String
    /// What was found, such as `a live secret (base64-encoded)` or `an IAM token`.
    public var kind: String

    /// Creates a hit.
    public init(location: String, kind: String) {
      self.location = location
      self.kind = kind
    }

    /// `at /interactions/0/response/body/json/token: an IAM token`.
    public var description: String { "at \(location): \(kind)" }
  }

  /// Something of a document that could not be read: the document itself (not valid JSON:
  /// ``line`` and ``column`` say where) or a body in it (a `base64` body that is not base64).
  public struct Unreadable: Hashable, Sendable, CustomStringConvertible {
    /// Where, as a hit's ``Hit/location`` is.
    public var location: String
    /// The line (1-based) where the document stops being JSON, when it does.
    public var line: Int?
    /// The column (1-based, in bytes) on that line.
    public var column: Int?
    /// Why, such as `not valid JSON: unexpected character '<'`.
    public var reason: String

    /// Creates an unreadable part.
    public init(location: String, line: Int? = nil, column: Int? = nil, reason: String) {
      self.location = location
      self.line = line
      self.column = column
      self.reason = reason
    }

    /// `at line 3, column 1: not valid JSON: ...`.
    public var description: String { "at \(location): \(reason)" }
  }

  /// What a scan of a document found.
  public struct Report: Hashable, Sendable {
    /// The secrets, in document order.
    public var hits: [Hit]
    /// What could not be read (still scanned as far as it goes).
    public var unreadable: [Unreadable]

    /// Creates a report.
    public init(hits: [Hit], unreadable: [Unreadable]) {
      self.hits = hits
      self.unreadable = unreadable
    }
  }

  let redactor: Redactor
  /// The live secrets' needles.
  let liveNeedles: SecretNeedles
  /// The tenant identifiers' values' needles.
  let tenantNeedles: SecretNeedles
  /// The tenant placeholders, skipped when looking for tenant values.
  let tenantPlaceholders: [String]
  /// The live secrets and tenant values as they are, looked for in JSON numbers.
  let numberNeedles: [SecretNeedles.Needle]
  /// The shapes looked for in every string.
  let shapes: [SecretShape]
  /// The token counts of the redactor's JSON pointers, to match only pointers that long.
  let pointerLengths: Set<Int>

  /// Creates a scanner for `liveSecrets` (values under 4 bytes are ignored), judging names
  /// and placeholders by `redactor`, whose tenant identifiers it looks for too.
  public init(liveSecrets: [String] = [], redactor: Redactor = .standard) {
    self.redactor = redactor
    liveNeedles = SecretNeedles(
      Set(liveSecrets).sorted().map { ($0, "a live secret") }, rawForm: " (raw)")
    tenantNeedles = SecretNeedles(
      redactor.tenantIdentifiers.filter { !$0.value.isEmpty }.map {
        ($0.value, "an unscrubbed tenant identifier '\($0.name)'")
      }, rawForm: "")
    tenantPlaceholders = redactor.tenantIdentifiers.map(\.placeholder)
    numberNeedles = liveNeedles.raw + tenantNeedles.raw
    shapes = SecretShape.shapes(for: redactor)
    pointerLengths = Set(redactor.jsonPointers.compactMap { JSONPointer($0)?.tokens.count })
  }

  /// Every hit in a document's bytes (a cassette, a HAR file, any JSON); a document that is
  /// not valid JSON is scanned for whatever it still holds.
  public func scan(_ data: Data) -> [Hit] {
    report(for: data).hits
  }

  /// Every hit in a document's bytes, and what of it could not be read.
  public func report(for data: Data) -> Report {
    report(for: [UInt8](data))
  }

  /// ``report(for:)`` of bytes already in an array.
  func report(for bytes: [UInt8]) -> Report {
    var scan = DocumentScan(scanner: self)
    do {
      let tree = try JSONParser().parse(bytes)
      scan.walk(tree, in: .top)
    } catch {
      let markers = RecoveringJSONReader.conflictMarkerLines(in: bytes)
      var reason = "not valid JSON: \(error.reason)"
      if !markers.isEmpty {
        let list = markers.map(String.init).joined(separator: ", ")
        reason += " (merge-conflict markers at line\(markers.count == 1 ? "" : "s") \(list))"
      }
      scan.unreadable.append(
        Unreadable(
          location: "line \(error.line), column \(error.column)", line: error.line,
          column: error.column, reason: reason))
      scan.walk(RecoveringJSONReader.read(bytes))
    }
    return Report(hits: scan.hits, unreadable: scan.unreadable)
  }

  /// Every hit in a JSON document, by pointer.
  public func scan(_ tree: JSONValue) -> [Hit] {
    var scan = DocumentScan(scanner: self)
    scan.walk(tree, in: .top)
    return scan.hits
  }

  /// ``scan(text:at:)`` of the compact text of `document` (an object or an array), without
  /// writing and parsing it: the same hits. `verdicts` holds the redactor's verdicts on the
  /// names earlier scans by this scanner met, and receives this scan's.
  func scan(textOf document: JSONValue, at location: String, verdicts: inout NameVerdicts)
    -> [Hit]
  {
    var scan = DocumentScan(scanner: self, verdicts: verdicts)
    verdicts = NameVerdicts()  // the scan's the only copy: adding to it copies nothing
    scan.scan(textOf: document, labelled: location)
    verdicts = scan.verdicts
    return scan.hits
  }

  /// Every hit in a text (a message, a text body), as a string of a document is scanned:
  /// live secrets, tenant values and shapes anywhere, secret query values if it is a URL,
  /// secret `name=value` pairs otherwise, and what it holds if it is JSON or base64.
  public func scan(text: String, at location: String) -> [Hit] {
    var scan = DocumentScan(scanner: self)
    scan.scan(text: text, labelled: location)
    return scan.hits
  }
}
