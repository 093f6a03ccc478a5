import Foundation

/// An answer read off a raw socket, parsed strictly: `HTTP/1.1 NNN reason`, CRLF-terminated
/// fields, a `Content-Length` body.
struct RawResponse: Sendable {
  /// The status code.
  var status: Int
  /// The reason phrase.
  var reason: String
  /// The fields in order.
  var headers: [(name: String, value: String)]
  /// The body.
  var body: [UInt8]

  /// The first value of a field, any case.
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The body as text.
  var text: String { String(decoding: body, as: UTF8.self) }

  /// Why bytes are not a well-formed answer.
  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  /// Parses the answer at the start of `bytes`: the answer and the bytes it took, or nil when
  /// it is incomplete. `bodyless` says the request was HEAD (no body despite the length).
  static func parse(_ bytes: [UInt8], bodyless: Bool = false) throws -> (RawResponse, Int)? {
    guard let headEnd = firstIndex(of: [13, 10, 13, 10], in: bytes) else { return nil }
    let head = String(decoding: bytes[0..<headEnd], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst()
    let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0] == "HTTP/1.1", parts[1].count == 3,
      let status = Int(parts[1])
    else { throw Malformed(description: "bad status line \(statusLine.debugDescription)") }
    var headers: [(name: String, value: String)] = []
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else {
        throw Malformed(description: "bad field line \(line.debugDescription)")
      }
      headers.append(
        (
          String(line[..<colon]),
          line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        ))
    }
    var response = RawResponse(
      status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
    let bodyStart = headEnd + 4
    if bodyless || status < 200 || status == 204 || status == 304 {
      return (response, bodyStart)
    }
    guard let lengthText = response.header("Content-Length"), let length = Int(lengthText) else {
      throw Malformed(description: "no Content-Length in \(head.debugDescription)")
    }
    guard bytes.count >= bodyStart + length else { return nil }
    response.body = Array(bytes[bodyStart..<(bodyStart + length)])
    return (response, bodyStart + length)
  }

  /// Parses every answer in `bytes`, which must end exactly after the last one.
  static func parseAll(_ bytes: [UInt8]) throws -> [RawResponse] {
    var rest = bytes
    var responses: [RawResponse] = []
    while !rest.isEmpty {
      guard let (response, length) = try parse(rest) else {
        throw Malformed(description: "truncated answer: \(String(decoding: rest, as: UTF8.self))")
      }
      responses.append(response)
      rest.removeFirst(length)
    }
    return responses
  }

  /// The index where `pattern` first occurs in `bytes`.
  static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= pattern.count else { return nil }
    for start in 0...(bytes.count - pattern.count)
    where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
      return start
    }
    return nil
  }
}
