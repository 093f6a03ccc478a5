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
    let text = String(decoding: body, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let document = try? JSONParser().parse(body)
    let headerID = requestID.flatMap { $0.isEmpty ? nil : $0 }
    if let document, let found = Self.findPair(in: document, at: .root) {
      self.init(
        httpStatus: httpStatus, requestID: headerID ?? found.requestID, code: found.code,
        message: found.message, source: found.source)
    } else if let string = document?.stringValue {
      // An empty JSON string (`""`) is no message either (a fuzzer finding).
      let message = string.trimmingCharacters(in: .whitespacesAndNewlines)
      self.init(
        httpStatus: httpStatus, requestID: headerID,
        message: message.isEmpty ? "(empty string body)" : string)
    } else {
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

  /// Depth-first, members in order. The path is one stack shared by the whole search and
  /// becomes a pointer only where a pair is found: building a pointer per visited value made
  /// the search quadratic in the nesting depth (the fuzzer found a 33 KB body of nested
  /// arrays that took 300 ms).
  private static func findPair(in value: JSONValue, at pointer: JSONPointer) -> Pair? {
    var path = pointer.tokens
    return findPair(in: value, path: &path)
  }

  private static func findPair(in value: JSONValue, path: inout [String]) -> Pair? {
    guard let members = value.members else {
      if case .array(let elements) = value {
        for (index, element) in elements.enumerated() {
          path.append(String(index))
          defer { path.removeLast() }
          if let pair = findPair(in: element, path: &path) { return pair }
        }
      }
      return nil
    }
    let requestID = value["request_id"].flatMap(scalarText)
    for (codeKey, messageKey, source) in [
      ("error_code", "error_msg", Source.errorCodeAndMessage), ("code", "message", .codeAndMessage),
    ] {
      if let code = value[codeKey].flatMap(scalarText),
        let message = value[messageKey].flatMap(scalarText)
      {
        let place = path.isEmpty ? source : .nested(JSONPointer(tokens: path))
        return Pair(code: code, message: message, requestID: requestID, source: place)
      }
    }
    for member in members {
      path.append(member.key)
      defer { path.removeLast() }
      if let pair = findPair(in: member.value, path: &path) { return pair }
    }
    return nil
  }

  private static func scalarText(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): text
    case .number(let lexeme): lexeme
    case .bool(let flag): String(flag)
    case .null, .array, .object: nil
    }
  }
}
