import Foundation
import JSONTree

/// An error answer of a Huawei Cloud service: HTTP status, code, message and request id.
///
/// ``init(httpStatus:requestID:body:)`` reads any body with the official SDK's precedence:
/// `error_code` + `error_msg` when both are present, else `code` + `message`, else the first
/// nested object holding either pair, else the body text itself (the CPTS 501 answer is a
/// bare string, as JSON or as plain text). It never fails.
public struct CloudError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where in the body the code and message were found.
  public enum Source: Hashable, Sendable {
    /// The top-level `error_code` and `error_msg`.
    case errorCodeAndMessage
    /// The top-level `code` and `message`.
    case codeAndMessage
    /// A nested object, at this pointer, holding either pair.
    case nested(JSONPointer)
    /// No pair: the message is the body text (or the JSON string).
    case text
  }

  /// The HTTP status code.
  public var httpStatus: Int
  /// The `X-Request-Id` response header, or the body's `request_id`.
  public var requestID: String?
  /// The service's error code, such as `APIG.0308`; nil for a plain-text body.
  public var code: String?
  /// The error message.
  public var message: String
  /// Where the code and message came from.
  public var source: Source

  /// Creates an error from its parts.
  public init(
    httpStatus: Int, requestID: String? = nil, code: String? = nil, message: String,
    source: Source = .text
  ) {
    self.httpStatus = httpStatus
    self.requestID = requestID
    self.code = code
    self.message = message
    self.source = source
  }

  /// Reads an error answer; see the type's documentation for the precedence.
  public init(httpStatus: Int, requestID: String?, body: Data) {
    self.init(
      httpStatus: httpStatus, requestID: requestID, body: body,
      document: try? JSONParser().parse(body))
  }

  /// Reads an error answer whose body the caller has already parsed, saving a second parse:
  /// `document` must be what `JSONParser().parse(body)` returns, or nil when it throws.
  /// Reads exactly as ``init(httpStatus:requestID:body:)`` does.
  public init(httpStatus: Int, requestID: String?, body: Data, document: JSONValue?) {
    self.init(httpStatus: httpStatus, requestID: requestID, bodyBytes: body, document: document)
  }

  /// Reads an error answer from the bytes of its body and their parse, exactly as
  /// ``init(httpStatus:requestID:body:document:)`` does, without the body copied into a
  /// `Data` first (the error-body fuzz oracle reads every input so).
  package init(
    httpStatus: Int, requestID: String?, bodyBytes body: some Collection<UInt8>,
    document: JSONValue?
  ) {
    let headerID = requestID.flatMap { $0.isEmpty ? nil : $0 }
    if let document, let found = Self.findPair(in: document, at: .root) {
      self.init(
        httpStatus: httpStatus, requestID: headerID ?? found.requestID, code: found.code,
        message: found.message, source: found.source)
    } else if let string = document?.stringValue {
      // An empty JSON string (`""`) is no message either (a fuzzer finding).
      self.init(
        httpStatus: httpStatus, requestID: headerID,
        message: string.unicodeScalars.allSatisfy(Self.isWhitespace)
          ? "(empty string body)" : string)
    } else {
      let text = Self.trimmingWhitespace(String(decoding: body, as: UTF8.self))
      self.init(
        httpStatus: httpStatus, requestID: headerID ?? document?["request_id"]?.stringValue,
        message: text.isEmpty ? "(empty body)" : text)
    }
  }

  /// Whether the gateway throttled the request (429 or `APIG.0308`): retry after a pause.
  public var isThrottled: Bool { httpStatus == 429 || code == "APIG.0308" }

  /// Whether the token or signature was refused (`APIG.0301`): never retry a signature in a
  /// loop, the key locks after five failures.
  public var isAuthenticationFailure: Bool { code == "APIG.0301" }

  /// `HTTP 400 DRS.10000010: Job does not exist, please check job ID. (request 7e1d...)`.
  public var description: String {
    var text = "HTTP \(httpStatus)"
    if let code { text += " \(code)" }
    text += ": \(message)"
    if let requestID { text += " (request \(requestID))" }
    return text
  }

  private struct Pair {
    var code: String
    var message: String
    var requestID: String?
    var source: Source
  }

  /// One step of the path to the value being searched.
  private enum Step {
    case member(String)
    case element(Int)

    /// The pointer token; an index's from `table` (``JSONPointer/indexTokens``) when it
    /// holds it.
    func token(_ table: [String]) -> String {
      switch self {
      case .member(let key): key
      case .element(let offset): JSONPointer.indexToken(offset, in: table)
      }
    }
  }

  /// Depth-first, members in order. No path is kept while searching: the search was a
  /// path stack's append and removal per visited value, and a pointer per visited value
  /// before that (quadratic in the nesting depth: the fuzzer found a 33 KB body of nested
  /// arrays that took 300 ms). Where a pair is found, each level adds its step on the way
  /// out, and the pointer is made once.
  private static func findPair(in value: JSONValue, at pointer: JSONPointer) -> Pair? {
    var steps: [Step] = []  // from the pair out to `value`, innermost first
    var found: Pair?
    guard findPair(in: value, into: &found, stepsOut: &steps), var pair = found else {
      return nil
    }
    if !(pointer.tokens.isEmpty && steps.isEmpty) {
      let table = JSONPointer.indexTokens
      var tokens = pointer.tokens
      tokens.reserveCapacity(tokens.count + steps.count)
      for step in steps.reversed() { tokens.append(step.token(table)) }
      pair.source = .nested(JSONPointer(tokens: tokens))
    }
    return pair
  }

  /// Whether `value` holds a pair, then put into `found` with its source as found at `value`
  /// itself; `stepsOut` gets the steps from where it was found out to `value`. The pair goes
  /// out through `found`, not as a result, so that no frame of the search holds one.
  private static func findPair(
    in value: JSONValue, into found: inout Pair?, stepsOut: inout [Step]
  ) -> Bool {
    switch value {
    case .object(let members):
      if findPair(amongMembersOf: members, into: &found) { return true }
      for member in members where findPair(in: member.value, into: &found, stepsOut: &stepsOut) {
        stepsOut.append(.member(member.key))
        return true
      }
      return false
    case .array(var elements):
      // Arrays of one array each (a nest, the fuzzer's deepest bodies) are passed through
      // in a loop: the search in each is the search in its only element.
      var wraps = 0
      while elements.count == 1, case .array(let inner) = elements[0] {
        elements = inner
        wraps += 1
      }
      for offset in elements.indices
      where findPair(in: elements[offset], into: &found, stepsOut: &stepsOut) {
        stepsOut.append(.element(offset))
        stepsOut.append(contentsOf: repeatElement(.element(0), count: wraps))
        return true
      }
      return false
    default:
      return false
    }
  }

  /// Whether an object's own members hold a pair, then put into `found`. Out of line, so
  /// that the frames of the recursive search stay small (a body nested 511 levels stacks
  /// 511 of them).
  @inline(never)
  private static func findPair(amongMembersOf members: [JSONMember], into found: inout Pair?)
    -> Bool
  {
    guard let pair = pair(amongMembersOf: members) else { return false }
    found = pair
    return true
  }

  /// The pair an object's own members hold, if any.
  private static func pair(amongMembersOf members: [JSONMember]) -> Pair? {
    // One pass over the members; the last of a repeated name counts, as in lookups.
    var errorCode: String?
    var errorMessage: String?
    var code: String?
    var message: String?
    var requestID: String?
    for member in members {
      switch member.key {
      case "error_code": errorCode = scalarText(member.value)
      case "error_msg": errorMessage = scalarText(member.value)
      case "code": code = scalarText(member.value)
      case "message": message = scalarText(member.value)
      case "request_id": requestID = scalarText(member.value)
      default: break
      }
    }
    let found: (code: String, message: String, source: Source)? =
      if let errorCode, let errorMessage {
        (errorCode, errorMessage, .errorCodeAndMessage)
      } else if let code, let message {
        (code, message, .codeAndMessage)
      } else {
        nil
      }
    guard let found else { return nil }
    return Pair(
      code: found.code, message: found.message, requestID: requestID, source: found.source)
  }

  /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without its round trip through
  /// `NSString` and UTF-16, which copied the whole text (milliseconds for a 256 KiB body,
  /// a quarter of the error-body fuzz oracle's time): only the trimmed ends are looked at.
  static func trimmingWhitespace(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
      let last = scalars.lastIndex(where: { !isWhitespace($0) })
    else { return "" }
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
    return String(scalars[first...last])
  }

  /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines`. Asking the set costs
  /// about 70 ns a scalar on Linux (6 ms for a body of 87,000 ideographic spaces), so the
  /// Basic Multilingual Plane is read from its bitmap, taken once.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let value = Int(scalar.value)
    switch value {
    case 0x09...0x0D, 0x20: return true
    case 0..<0x80: return false
    case 0..<whitespaceBitmap.count * 8:
      return whitespaceBitmap[value >> 3] & (1 << (value & 7)) != 0
    default: return CharacterSet.whitespacesAndNewlines.contains(scalar)
    }
  }

  /// The plane-0 bitmap of `CharacterSet.whitespacesAndNewlines`: bit `n % 8` of byte
  /// `n / 8` says whether the scalar `n` is in the set.
  private static let whitespaceBitmap = [UInt8](
    CharacterSet.whitespacesAndNewlines.bitmapRepresentation.prefix(8_192))

  private static func scalarText(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): text
    case .number(let lexeme): lexeme
    case .bool(let flag): String(flag)
    case .null, .array, .object: nil
    }
  }
}
