import Foundation
import Glibc

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An answer read from an upstream connection.
struct UpstreamAnswer {
  var status: Int
  var headers: [String: String]
  var body: Data
  /// Whether the connection may carry another request.
  var keepsAlive: Bool

  /// The answer as Foundation has it, for `request`.
  func response(to request: URLRequest) throws -> HTTPURLResponse {
    guard let url = request.url,
      let response = HTTPURLResponse(
        url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)
    else { throw URLError(.badServerResponse) }
    return response
  }
}

/// One blocking keep-alive connection to an HTTP/1.1 server.
struct UpstreamConnection {
  let descriptor: Int32
  private let timeout: Duration
  private var pending: [UInt8] = []

  init(descriptor: Int32, timeout: Duration) {
    self.descriptor = descriptor
    self.timeout = timeout
  }

  /// Connects to `host:port` (a name or a numeric address).
  init(host: String, port: UInt16, timeout: Duration) throws {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var results: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
      throw URLError(.cannotFindHost)
    }
    defer { freeaddrinfo(results) }
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let info = candidate {
      let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, 0)
      if descriptor >= 0 {
        if connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
          var flag: Int32 = 1
          _ = setsockopt(
            descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &flag, socklen_t(MemoryLayout<Int32>.size))
          self.init(descriptor: descriptor, timeout: timeout)
          return
        }
        Glibc.close(descriptor)
      }
      candidate = info.pointee.ai_next
    }
    throw URLError(.cannotConnectToHost)
  }

  func close() {
    Glibc.close(descriptor)
  }

  /// Writes the request and reads its whole answer.
  mutating func exchange(head: [UInt8], body: Data, method: String) throws -> UpstreamAnswer {
    try write(head + [UInt8](body))
    let headEnd = try readUntilHeadEnd()
    let (version, status, headers) = try Self.parseHead(pending[0..<headEnd])
    pending.removeFirst(headEnd + 4)
    func field(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name }?.value
    }
    var keepsAlive = version == "HTTP/1.1" && field("connection")?.lowercased() != "close"
    let body: Data
    if method == "HEAD" || status == 204 || status == 304 || (100..<200).contains(status) {
      body = Data()
    } else if field("transfer-encoding")?.lowercased().contains("chunked") == true {
      body = try readChunked()
    } else if let lengthText = field("content-length") {
      guard let length = Int(lengthText), length >= 0 else { throw URLError(.badServerResponse) }
      body = try read(exactly: length)
    } else {
      body = try readToEnd()
      keepsAlive = false
    }
    return UpstreamAnswer(status: status, headers: headers, body: body, keepsAlive: keepsAlive)
  }

  /// The status line's version and code, and the header fields (repeated names joined with
  /// `, `), read from the bytes before the blank line; byte by byte, since Foundation's
  /// `components(separatedBy:)` and `trimmingCharacters(in:)` were a quarter of the proxy's
  /// time.
  static func parseHead(_ head: ArraySlice<UInt8>) throws -> (String, Int, [String: String]) {
    let (carriageReturn, lineFeed, colon) = (
      UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ":")
    )
    var lines: [ArraySlice<UInt8>] = []
    var start = head.startIndex
    var index = head.startIndex
    while index < head.endIndex {
      if head[index] == carriageReturn, index + 1 < head.endIndex, head[index + 1] == lineFeed {
        lines.append(head[start..<index])
        index += 2
        start = index
      } else {
        index += 1
      }
    }
    lines.append(head[start..<head.endIndex])
    let statusParts = lines[0].split(separator: UInt8(ascii: " "), maxSplits: 2)
    let version = statusParts.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
    guard statusParts.count >= 2, version.hasPrefix("HTTP/1."),
      let status = Int(String(decoding: statusParts[1], as: UTF8.self))
    else { throw URLError(.badServerResponse) }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let separator = line.firstIndex(of: colon) else { throw URLError(.badServerResponse) }
      let name = String(decoding: line[..<separator], as: UTF8.self)
      let value = String(decoding: trimmed(line[(separator + 1)...]), as: UTF8.self)
      if let existing = headers[name] {
        headers[name] = existing + ", " + value
      } else {
        headers[name] = value
      }
    }
    return (version, status, headers)
  }

  /// `bytes` without leading and trailing spaces and tabs.
  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    guard let first = bytes.firstIndex(where: { !isBlank($0) }),
      let last = bytes.lastIndex(where: { !isBlank($0) })
    else { return [] }
    return bytes[first...last]
  }

  private func write(_ bytes: [UInt8]) throws {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { throw URLError(.networkConnectionLost) }
      offset += sent
    }
  }

  /// Reads more bytes into `pending`; false at the end of the connection.
  private mutating func fill() throws -> Bool {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(timeout.components.seconds * 1000)
    guard poll(&poller, 1, milliseconds) > 0 else { throw URLError(.timedOut) }
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    guard count >= 0 else { throw URLError(.networkConnectionLost) }
    pending += buffer[0..<count]
    return count > 0
  }

  private mutating func readUntilHeadEnd() throws -> Int {
    var searched = 0
    while true {
      if pending.count >= 4 {
        for index in max(0, searched - 3)...(pending.count - 4)
        where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13
          && pending[index + 3] == 10
        {
          return index
        }
        searched = pending.count
      }
      guard pending.count < 1 << 20 else { throw URLError(.badServerResponse) }
      guard try fill() else { throw URLError(.networkConnectionLost) }
    }
  }

  private mutating func read(exactly count: Int) throws -> Data {
    while pending.count < count {
      guard try fill() else { throw URLError(.networkConnectionLost) }
    }
    let bytes = Data(pending[0..<count])
    pending.removeFirst(count)
    return bytes
  }

  private mutating func readLine() throws -> String {
    while true {
      if let index = pending.indices.dropLast().first(where: {
        pending[$0] == 13 && pending[$0 + 1] == 10
      }) {
        let line = String(decoding: pending[0..<index], as: UTF8.self)
        pending.removeFirst(index + 2)
        return line
      }
      guard try fill() else { throw URLError(.networkConnectionLost) }
    }
  }

  private mutating func readChunked() throws -> Data {
    var body = Data()
    while true {
      let sizeText = try readLine().split(separator: ";").first.map(String.init) ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0
      else { throw URLError(.badServerResponse) }
      if size == 0 {
        while try !readLine().isEmpty {}  // trailers, up to the empty line
        return body
      }
      body += try read(exactly: size)
      guard try readLine().isEmpty else { throw URLError(.badServerResponse) }
    }
  }

  private mutating func readToEnd() throws -> Data {
    while try fill() {}
    let bytes = Data(pending)
    pending.removeAll()
    return bytes
  }
}
