import Foundation
import JSONTree

/// One run of a ``SecretScanner`` over a document: walks it, reads its bodies and the
/// documents its strings hold, and collects hits (each once) and what could not be read.
struct DocumentScan {
  typealias Hit = SecretScanner.Hit
  typealias Node = RecoveringJSONReader.Node

  let scanner: SecretScanner
  private(set) var hits: [Hit] = []
  var unreadable: [SecretScanner.Unreadable] = []
  private var seen: Set<Hit> = []
  /// The redactor's verdicts on the names seen so far (and by earlier scans handed in).
  private(set) var verdicts: NameVerdicts
  /// How locations in the document being walked are written.
  private var frame: Frame = .top
  /// How many documents deep the walk is (a JSON text inside a base64 body is 2).
  private var nesting = 0

  /// Documents inside strings are read this many levels deep.
  static let maximumNesting = 4

  /// A scan by `scanner`, starting from the `verdicts` on names of earlier scans by it.
  init(scanner: SecretScanner, verdicts: NameVerdicts = NameVerdicts()) {
    self.scanner = scanner
    self.verdicts = verdicts
  }

  /// How a document's locations are written.
  enum Frame {
    /// The document scanned: a JSON pointer.
    case top
    /// A document read from a string: the string's location and how it was read (decoded,
    /// then JSON, say), then the pointer inside.
    case nested(String, reads: [String])
    /// A text on its own: its location.
    case text(String)
    /// A broken document: the line and column a value starts at.
    case recovered(RecoveringJSONReader.Document)
  }

  /// Where a value is: its pointer's tokens (a ``ScanPath`` to the root, made into a
  /// ``JSONPointer`` only when one is asked for: a hit's location, one of the redactor's
  /// pointers), and where it starts in a broken document.
  struct Spot {
    var path: ScanPath?
    var node: Node?

    static let root = Spot(path: nil, node: nil)

    /// The pointer to the value.
    var pointer: JSONPointer { JSONPointer(tokens: path?.tokens ?? []) }
    /// How many tokens its pointer has.
    var depth: Int { path?.depth ?? 0 }
    /// Its pointer's last token (the value's key or index); nil at the root.
    var key: String? { path?.token }
    /// The token before the last (the key of what holds the value); nil above depth 2.
    var parentKey: String? { path?.parent?.token }

    func appending(_ token: String, _ index: Int) -> Spot {
      Spot(path: ScanPath(parent: path, token: token), node: node?.child(index))
    }

    func appending(_ index: Int) -> Spot {
      Spot(path: ScanPath(parent: path, token: String(index)), node: node?.child(index))
    }
  }

  /// What encloses a value.
  struct Context {
    /// The secret key above it, by the redactor's rules: its strings must be placeholders
    /// and its numbers `0`.
    var secretKey: String?
    /// The number of pointer tokens above the body document it is in (the redactor's JSON
    /// pointers are matched from there).
    var bodyDepth = 0
    /// The content type of the message it is in.
    var contentType: String?
  }

  // MARK: - Locations and hits

  func location(_ spot: Spot) -> String {
    switch frame {
    case .top: spot.pointer.description
    case .nested(let base, let reads):
      "\(base) (\(reads.joined(separator: ", ")))"
        + (spot.path == nil ? "" : " at \(spot.pointer.description)")
    case .text(let location):
      spot.path == nil ? location : "\(location) at \(spot.pointer.description)"
    case .recovered(let document):
      spot.node.map { document.position(of: $0.offset) } ?? spot.pointer.description
    }
  }

  mutating func hit(_ spot: Spot, _ kind: String, suffix: String = "") {
    let hit = Hit(location: location(spot) + suffix, kind: kind)
    if seen.insert(hit).inserted { hits.append(hit) }
  }

  /// Runs `body` with the document read from the string at `spot` as the current one;
  /// false (and nothing run) when documents are already nested ``maximumNesting`` deep.
  @discardableResult
  private mutating func nested(_ spot: Spot, _ how: String, _ body: (inout DocumentScan) -> Void)
    -> Bool
  {
    guard nesting < Self.maximumNesting else { return false }
    let saved = frame
    if case .nested(let base, let reads) = frame, spot.path == nil {
      frame = .nested(base, reads: reads + [how])
    } else {
      frame = .nested(location(spot), reads: [how])
    }
    nesting += 1
    body(&self)
    nesting -= 1
    frame = saved
    return true
  }

  // MARK: - Documents

  /// Walks a document parsed whole.
  mutating func walk(_ tree: JSONValue, in frame: Frame) {
    self.frame = frame
    walk(tree, at: .root, Context())
  }

  /// Scans a text on its own (as a body), its hits located at `label`.
  mutating func scan(text: String, labelled label: String) {
    frame = .text(label)
    scanString(text, at: .root, isBody: true, contentType: nil)
    frame = .top
  }

  /// Scans the text JSON `document` (an object or an array) is written as, its hits located
  /// at `label`, as ``scan(text:labelled:)`` scans that text, without writing and parsing
  /// it: a text holding a JSON document is scanned as the tree it parses to, which for the
  /// text of a tree is that tree.
  mutating func scan(textOf document: JSONValue, labelled label: String) {
    frame = .text(label)
    nested(.root, "JSON") { scan in scan.walk(document, at: .root, Context()) }
    frame = .top
  }

  /// Walks what a broken document still holds, locating hits by line and column, and
  /// scans its stray text.
  mutating func walk(_ document: RecoveringJSONReader.Document) {
    frame = .recovered(document)
    walk(document.value, at: Spot(path: nil, node: document.node), Context())
    for (offset, text) in document.strayText {
      frame = .text(document.position(of: offset))
      scanString(text, at: .root, isBody: true, contentType: nil)
    }
    frame = .top
  }

  /// Walks a member of the document's root object, read on its own (``SecretScanner``
  /// reads a file a piece at a time): as the walk of the whole document walks it.
  mutating func walkRootMember(_ member: JSONMember) {
    frame = .top
    walk([member], at: .root, Context())
  }

  /// Starts an array-valued member of the root object whose elements are read one by one:
  /// scans its key, and gives the context its elements are walked in.
  mutating func startRootArray(_ key: String) -> Context {
    frame = .top
    let spot = Spot.root.appending(key, 0)
    scanKey(key, at: spot)
    return entering(spot, memberContext(key, isObject: false, ownKey: nil, Context()))
  }

  /// Walks element `index` of the root object's array-valued member `key`, in `context`
  /// (from ``startRootArray(_:)``).
  mutating func walkRootElement(
    _ key: String, _ index: Int, _ element: JSONValue, _ context: Context
  ) {
    walk(
      element, at: Spot(path: ScanPath(parent: nil, token: key), node: nil).appending(index),
      context)
  }

  /// The context of a value at `spot`: a secret one when it is at one of the redactor's
  /// pointers.
  private func entering(_ spot: Spot, _ context: Context) -> Context {
    var context = context
    if context.secretKey == nil, matchesRedactorPointer(spot, context) {
      context.secretKey = spot.key
    }
    return context
  }

  private mutating func walk(_ value: JSONValue, at spot: Spot, _ context: Context) {
    let context = entering(spot, context)
    switch value {
    case .string(let text):
      if let key = context.secretKey, !Self.isPlaceholder(text) {
        hit(spot, "an unredacted '\(key)' value")
      }
      scanString(text, at: spot, isBody: false, contentType: nil)
    case .number(let lexeme):
      if let key = context.secretKey, lexeme != "0" {
        hit(spot, "an unredacted '\(key)' value")
      }
      findNeedles(in: lexeme, scanner.numberNeedles, at: spot)
    case .array(let elements):
      checkHeaderPair(elements, at: spot)
      for (index, element) in elements.enumerated() {
        walk(element, at: spot.appending(index), context)
      }
    case .object(let members):
      walk(members, at: spot, context)
    case .bool, .null:
      break
    }
  }

  private mutating func walk(_ members: [JSONMember], at spot: Spot, _ context: Context) {
    var context = context
    let ownKey = spot.key
    if ownKey == "request" || ownKey == "response",
      let type = Self.contentType(in: members.last { $0.key == "headers" }?.value)
    {
      context.contentType = type
    }
    checkNameValue(members, at: spot)
    for (index, member) in members.enumerated() {
      let child = spot.appending(member.key, index)
      scanKey(member.key, at: child)
      // The parts of a cassette's body and of a HAR entry's postData and content.
      switch (ownKey, member.key, member.value) {
      case ("body", "json", _):
        var inner = context
        inner.bodyDepth = child.depth
        walk(member.value, at: child, inner)
        continue
      case ("body", "text", .string(let text)):
        scanString(text, at: child, isBody: true, contentType: context.contentType)
        continue
      case ("body", "wireText", .string(let text)):
        // The wire's spelling of the body's `json` tree: when it parses to that tree, the
        // walk of the tree has seen every value in it; otherwise it is read on its own.
        let tree = members.last { $0.key == "json" }?.value
        if tree == nil || (try? JSONParser().parse(Data(text.utf8))) != tree {
          scanString(text, at: child, isBody: true, contentType: context.contentType)
        }
        continue
      case ("body", "base64", .string(let text)):
        scanBase64Body(text, at: child, contentType: context.contentType)
        continue
      case ("postData", "text", .string(let text)), ("content", "text", .string(let text)):
        let mimeType = members.last { $0.key == "mimeType" }?.value.stringValue
        if members.last(where: { $0.key == "encoding" })?.value.stringValue == "base64" {
          scanBase64Body(text, at: child, contentType: mimeType)
        } else {
          scanString(text, at: child, isBody: true, contentType: mimeType)
        }
        continue
      default:
        break
      }
      let inner = memberContext(
        member.key, isObject: member.value.members != nil, ownKey: ownKey, context)
      walk(member.value, at: child, inner)
    }
  }

  /// The context of the value of member `key` of an object (itself the value of `ownKey`):
  /// a secret one when the key says so.
  private mutating func memberContext(
    _ key: String, isObject: Bool, ownKey: String?, _ context: Context
  ) -> Context {
    var inner = context
    if inner.secretKey == nil {
      switch secrecy(ofKey: key) {
      case .everythingBelow: inner.secretKey = key
      case .value where !isObject: inner.secretKey = key
      default:
        // Headers echoed as an object (`{"headers": {"Authorization": ...}}`).
        if ownKey == "headers", isSecretHeader(key) {
          inner.secretKey = key
        }
      }
    }
    return inner
  }

  /// ``Redactor/secrecy(ofKey:)``, asked once per name.
  private mutating func secrecy(ofKey key: String) -> SecretName.Secrecy {
    verdicts.secrecy(ofKey: key, scanner.redactor)
  }

  /// ``Redactor/isSecretHeader(_:)``, asked once per name, of the name without the spaces
  /// around it (`"Authorization "` in a hand-edited file is still `Authorization`).
  private mutating func isSecretHeader(_ name: String) -> Bool {
    verdicts.isSecretHeader(name, scanner.redactor)
  }

  /// ``Redactor/isPlaceholder(_:)``, without its copy of the bytes for the strings that
  /// cannot be one (all but those starting with `<`).
  static func isPlaceholder(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return true }
    return first == UInt8(ascii: "<") && Redactor.isPlaceholder(text)
  }

  /// Whether the value at `spot` is one of the redactor's JSON pointers, counted from
  /// the body document it is in.
  private func matchesRedactorPointer(_ spot: Spot, _ context: Context) -> Bool {
    let depth = spot.depth - context.bodyDepth
    guard depth > 0, scanner.pointerLengths.contains(depth) else { return false }
    let pointer = spot.pointer
    return scanner.redactor.matchesPointer(
      JSONPointer(tokens: Array(pointer.tokens[context.bodyDepth...])))
  }

  /// A header as a cassette holds it, `[name, value]`: a secret header's value must be a
  /// placeholder string (every value after the name, should a broken file hold more).
  private mutating func checkHeaderPair(_ elements: [JSONValue], at spot: Spot) {
    guard elements.count >= 2, spot.parentKey == "headers",
      let name = elements[0].stringValue, isSecretHeader(name)
    else { return }
    for index in 1..<elements.count {
      if let value = elements[index].stringValue, Self.isPlaceholder(value) { continue }
      hit(spot.appending(index), "an unredacted \(name) header")
    }
  }

  /// A `{"name": ..., "value": ...}` entry of a HAR file's `headers`, `queryString`,
  /// `params` or `cookies`: a secret one's value must be a placeholder (a cookie's always).
  private mutating func checkNameValue(_ members: [JSONMember], at spot: Spot) {
    guard let list = spot.parentKey,
      ["headers", "queryString", "params", "cookies"].contains(list),
      let name = members.last(where: { $0.key == "name" })?.value.stringValue,
      let valueIndex = members.lastIndex(where: { $0.key == "value" }),
      let value = members[valueIndex].value.stringValue, !Self.isPlaceholder(value)
    else { return }
    let redactor = scanner.redactor
    let kind: String? =
      switch list {
      case "headers": redactor.isSecretHeader(name) ? "an unredacted \(name) header" : nil
      case "queryString":
        redactor.isSecretQueryKey(name) ? "an unredacted query value '\(name)'" : nil
      case "params":
        redactor.isSecretKey(name) || redactor.isSecretQueryKey(name)
          ? "an unredacted form field '\(name)'" : nil
      default: "an unredacted cookie '\(name)'"
      }
    if let kind { hit(spot.appending("value", valueIndex), kind) }
  }

  /// The `Content-Type` among a message's headers (`[name, value]` pairs or HAR objects).
  private static func contentType(in headers: JSONValue?) -> String? {
    guard case .array(let fields)? = headers else { return nil }
    for field in fields {
      let name = field[0]?.stringValue ?? field["name"]?.stringValue
      if name?.lowercased() == "content-type" {
        return field[1]?.stringValue ?? field["value"]?.stringValue
      }
    }
    return nil
  }

  // MARK: - Strings

  /// A JSON key: live secrets, tenant values and shapes (a key may be a value).
  private mutating func scanKey(_ key: String, at spot: Spot) {
    findInText(key, at: spot, suffix: " (the key)")
  }

  /// A string: live secrets, tenant values and shapes anywhere; a URL's secret query values
  /// and password; a body's form fields or header lines; secret `name=value` pairs; and
  /// what it holds when it is JSON or wholly base64.
  mutating func scanString(_ text: String, at spot: Spot, isBody: Bool, contentType: String?) {
    guard !Self.isPlaceholder(text) else { return }
    // A JSON document is walked (too deep, it is scanned as the text it is).
    if let document = Self.jsonDocument(in: text, recovering: isBody),
      nested(
        spot, "JSON",
        { scan in
          switch document {
          case .parsed(let tree): scan.walk(tree, at: .root, Context())
          case .recovered(let recovered): scan.walk(recovered.value, at: .root, Context())
          }
        })
    {
      return
    }
    // Which bytes it holds, found once for the tests below and the shapes' prefilter.
    let present = ByteSet(text)
    findInText(text, at: spot, present: present)
    // Percent-encoded, a value hides from the shapes and the live secrets: read decoded too.
    if present.contains(UInt8(ascii: "%")), let decoded = Self.percentDecoded(text),
      decoded != text
    {
      scanString(decoded, at: spot, isBody: isBody, contentType: contentType)
    }
    let redactor = scanner.redactor
    if Self.isURL(text, key: spot.key) {
      checkURL(text, at: spot)
    } else if isBody, FormBody.applies(to: text, contentType: contentType) {
      for field in FormBody.fields(of: text)
      where (redactor.isSecretKey(field.name) || redactor.isSecretQueryKey(field.name))
        && !Self.isPlaceholder(field.value)
      {
        hit(spot, "an unredacted form field '\(field.name)'")
      }
    } else if present.contains(UInt8(ascii: "=")) {
      for pair in TextAssignments.pairs(in: text)
      where (redactor.isSecretKey(pair.name) || redactor.isSecretQueryKey(pair.name))
        && !Self.isPlaceholder(pair.value)
      {
        hit(spot, "an unredacted '\(pair.name)' value in text")
      }
    }
    if isBody, present.contains(UInt8(ascii: ":")) {
      for line in TextAssignments.headerLines(in: text)
      where isSecretHeader(line.name) && !Self.isPlaceholder(line.value) {
        hit(spot, "an unredacted \(line.name) header line")
      }
    }
    if let decoded = Self.wholeBase64Text(text) {
      nested(spot, "decoded") { scan in
        scan.scanString(decoded, at: .root, isBody: isBody, contentType: nil)
      }
    }
  }

  /// A `base64` body: decoded and scanned as the body it is (UTF-8 text read as a text
  /// body, other bytes as a string with their invalid UTF-8 replaced); one that is not
  /// base64 is unreadable, and scanned as text.
  private mutating func scanBase64Body(_ text: String, at spot: Spot, contentType: String?) {
    guard let bytes = LenientBase64.decode(text.utf8) else {
      unreadable.append(
        SecretScanner.Unreadable(
          location: location(spot), reason: "a base64 body that is not base64 (scanned as text)"))
      scanString(text, at: spot, isBody: true, contentType: contentType)
      return
    }
    // A gzip or zlib stream stored as it came (it did not decode when recorded, or came
    // from elsewhere): what inflates of it is scanned as well.
    if let inflated = Self.inflated(Data(bytes)) {
      nested(spot, "decoded, inflated") { scan in
        scan.scanString(
          String(decoding: inflated, as: UTF8.self), at: .root, isBody: true,
          contentType: contentType)
      }
    }
    nested(spot, "decoded") { scan in
      if let decoded = String(validating: bytes, as: UTF8.self) {
        scan.scanString(decoded, at: .root, isBody: true, contentType: contentType)
      } else {
        // Binary: its text parts read as any string is (a form or header lines mean nothing).
        scan.scanString(
          String(decoding: bytes, as: UTF8.self), at: .root, isBody: false, contentType: nil)
      }
    }
  }

  /// What a gzip or zlib stream inflates to (at most 16 MiB); nil for other bytes and for a
  /// stream that does not inflate whole (the secret scan still reads its raw bytes).
  static func inflated(_ bytes: Data) -> Data? {
    let isGzip = bytes.starts(with: [0x1f, 0x8b])
    let isZlib =
      bytes.count >= 2 && bytes[bytes.startIndex] & 0x0f == 8
      && (UInt16(bytes[bytes.startIndex]) << 8 | UInt16(bytes[bytes.startIndex + 1])) % 31 == 0
    guard isGzip || isZlib else { return nil }
    let limit = 16 << 20
    return isGzip ? try? Inflate.gzip(bytes, limit: limit) : try? Inflate.zlib(bytes, limit: limit)
  }

  /// A URL's password and secret query values (and live secrets in the decoded values).
  /// Read by hand: `URLComponents` refuses a URL with a raw `<` or space, and a scan that
  /// gave up there would pass the secrets after it.
  private mutating func checkURL(_ text: String, at spot: Spot) {
    if let password = Self.password(inURL: text), !Self.isPlaceholder(password) {
      hit(spot, "a password in a URL")
    }
    guard let question = text.utf8.firstIndex(of: UInt8(ascii: "?")) else { return }
    let query = text[text.utf8.index(after: question)...].prefix { $0 != "#" }
    for item in TextAssignments.fields(of: query) {
      if scanner.redactor.isSecretQueryKey(item.name), !Self.isPlaceholder(item.value) {
        hit(spot, "an unredacted query value '\(item.name)'")
      }
      findNeedles(in: item.value, scanner.liveNeedles.raw, at: spot)
    }
  }

  /// The password of a URL's `user:password@`, percent-decoded.
  private static func password(inURL text: String) -> String? {
    guard text.utf8.contains(UInt8(ascii: "@")) else { return nil }
    let utf8 = Array(text.utf8)
    guard
      let slashes = utf8.indices.first(where: {
        $0 + 2 < utf8.count && utf8[$0] == UInt8(ascii: ":") && utf8[$0 + 1] == UInt8(ascii: "/")
          && utf8[$0 + 2] == UInt8(ascii: "/")
      })
    else { return nil }
    let authority = utf8[(slashes + 3)...].prefix {
      $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
    }
    guard let at = authority.lastIndex(of: UInt8(ascii: "@")),
      let colon = authority[..<at].firstIndex(of: UInt8(ascii: ":"))
    else { return nil }
    return TextAssignments.decode(
      Substring(String(decoding: utf8[(colon + 1)..<at], as: UTF8.self)))
  }

  /// Live secrets, tenant values (outside their placeholders) and shapes in `text`.
  /// `present`: the bytes `text` holds, when known.
  private mutating func findInText(
    _ text: String, at spot: Spot, suffix: String = "", present: ByteSet? = nil
  ) {
    findNeedles(in: text, scanner.liveNeedles.all, at: spot, suffix: suffix)
    if !scanner.tenantNeedles.isEmpty {
      var outside = text
      for placeholder in scanner.tenantPlaceholders where outside.containsBytes(of: placeholder) {
        outside = outside.replacingOccurrences(of: placeholder, with: "\u{0}")
      }
      findNeedles(in: outside, scanner.tenantNeedles.all, at: spot, suffix: suffix)
    }
    guard text.utf8.count >= SecretShape.shortestMatch else { return }
    let present = present ?? ByteSet(text)
    for shape in scanner.shapes where shape.mayMatch(given: present) && shape.matches(text) {
      hit(spot, shape.kind, suffix: suffix)
    }
  }

  private mutating func findNeedles(
    in text: String, _ needles: [SecretNeedles.Needle], at spot: Spot, suffix: String = ""
  ) {
    let count = text.utf8.count
    for needle in needles
    where needle.text.utf8.count <= count && text.containsBytes(of: needle.text) {
      hit(spot, needle.kind, suffix: suffix)
    }
  }

  // MARK: - What a string holds

  /// A JSON document a string holds.
  enum HeldDocument {
    case parsed(JSONValue)
    case recovered(RecoveringJSONReader.Document)
  }

  /// The JSON object or array `text` holds; with `recovering`, what a broken one still
  /// holds.
  private static func jsonDocument(in text: String, recovering: Bool) -> HeldDocument? {
    guard
      let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
      first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    else { return nil }
    let bytes = Array(text.utf8)
    if let tree = try? JSONParser().parse(bytes) { return .parsed(tree) }
    return recovering ? .recovered(RecoveringJSONReader.read(bytes)) : nil
  }

  /// `text.removingPercentEncoding`, without asking Foundation when it is nil for sure: a
  /// `%` not followed by two hexadecimal digits (binary bodies read as text are full of
  /// them, and Foundation's copy of the text to find out was a fifth of `tape audit`'s time).
  static func percentDecoded(_ text: String) -> String? {
    var text = text
    let wellFormed = text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: "%") {
          guard index + 2 < bytes.count, bytes[index + 1].isHexadecimalDigit,
            bytes[index + 2].isHexadecimalDigit
          else { return false }
          index += 3
        } else {
          index += 1
        }
      }
      return true
    }
    return wellFormed ? text.removingPercentEncoding : nil
  }

  /// Whether a string is a URL: an `http` or `https` one, or the value of a `url` key.
  private static func isURL(_ text: String, key: String?) -> Bool {
    if key == "url" { return true }
    guard text.utf8.count >= 7, text.utf8.first.map({ $0 | 0x20 }) == UInt8(ascii: "h") else {
      return false
    }
    let prefix = text.utf8.prefix(8).lazy.map { $0 | 0x20 }
    return prefix.starts(with: "http://".utf8) || prefix.starts(with: "https://".utf8)
  }

  /// The UTF-8 text a string wholly in base64 decodes to (at least 16 characters, either
  /// alphabet, not all hexadecimal digits: an id is no base64 text), if any.
  private static func wholeBase64Text(_ text: String) -> String? {
    guard text.utf8.count >= 16 else { return nil }
    var hexadecimal = true
    for byte in text.utf8 {
      guard LenientBase64.isAlphabet(byte) || byte == UInt8(ascii: "=") else { return nil }
      if hexadecimal, !byte.isHexadecimalDigit { hexadecimal = false }
    }
    guard !hexadecimal, let bytes = LenientBase64.decode(text.utf8) else { return nil }
    return String(validating: bytes, as: UTF8.self)
  }
}

extension UInt8 {
  /// `0-9`, `a-f` or `A-F`.
  fileprivate var isHexadecimalDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
  }
}

extension RecoveringJSONReader.Node {
  /// The node of element or member `index`, if the reader kept one.
  fileprivate func child(_ index: Int) -> RecoveringJSONReader.Node? {
    children.indices.contains(index) ? children[index] : nil
  }
}
