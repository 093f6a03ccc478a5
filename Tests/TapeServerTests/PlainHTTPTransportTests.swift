import Foundation
import LoopbackHTTP
import Synchronization
import SystemInterface
import TapeServer
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("PlainHTTPTransport")
struct PlainHTTPTransportTests {
  @Test("a GET and a POST with a body are answered on one kept-alive connection")
  func keepAlive() async throws {
    let clientPorts = Mutex<[UInt16]>([])
    // A minute of idle time: a loaded machine's pause between the two requests must not
    // close the connection, which is what the test is about.
    let server = try HTTPServer.start(
      configuration: HTTPServerConfiguration(idleTimeout: .seconds(60))
    ) { request in
      clientPorts.withLock { $0.append(request.remoteAddress.port) }
      return .text("\(request.method) \(request.target) \(request.bodyText ?? "")")
    }
    let transport = PlainHTTPTransport()
    var get = URLRequest(
      url: server.baseURL.appending(path: "a").appending(queryItems: [
        URLQueryItem(name: "q", value: "1")
      ]))
    get.setValue("yes", forHTTPHeaderField: "X-Trace")
    let (first, firstResponse) = try await transport.send(get)
    #expect(firstResponse.statusCode == 200)
    #expect(String(decoding: first, as: UTF8.self) == "GET /a?q=1 ")
    var post = URLRequest(url: server.baseURL.appending(path: "b"))
    post.httpMethod = "POST"
    post.httpBody = Data(#"{"x":1}"#.utf8)
    let (second, _) = try await transport.send(post)
    #expect(String(decoding: second, as: UTF8.self) == #"POST /b {"x":1}"#)
    let ports = clientPorts.withLock { $0 }
    #expect(ports.count == 2 && ports[0] == ports[1], "one connection: \(ports)")
    await server.stop()
  }

  @Test("a chunked answer is reassembled, and one that ends with the connection is read whole")
  func chunkedAndUnframed() async throws {
    let chunked =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
      + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n"
    let unframed = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end"
    for (answer, expected) in [(chunked, "hello, world"), (unframed, "until the end")] {
      let port = try CannedServer.start(answer: answer)
      let url = try #require(URL(string: "http://127.0.0.1:\(port)/x"))
      let (body, response) = try await PlainHTTPTransport().send(URLRequest(url: url))
      #expect(String(decoding: body, as: UTF8.self) == expected)
      #expect(response.value(forHTTPHeaderField: "Content-Type") == "text/plain")
    }
  }

  @Test("header values are trimmed of spaces and tabs, and a repeated name's values joined")
  func headerFields() async throws {
    let answer =
      "HTTP/1.1 201 Created\r\nX-Many: a\r\nX-Padded:\t  spaced out \t\r\nX-Many:b\r\n"
      + "X-Empty:\r\nContent-Length: 2\r\n\r\nok"
    let port = try CannedServer.start(answer: answer)
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/x"))
    let (body, response) = try await PlainHTTPTransport().send(URLRequest(url: url))
    #expect(String(decoding: body, as: UTF8.self) == "ok")
    #expect(response.statusCode == 201)
    #expect(response.value(forHTTPHeaderField: "X-Many") == "a, b")
    #expect(response.value(forHTTPHeaderField: "X-Padded") == "spaced out")
    #expect(response.value(forHTTPHeaderField: "X-Empty") == "")
  }

  @Test(
    "an answer that is not HTTP/1 is a bad server response",
    arguments: [
      "SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n", "HTTP/1.1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
    ])
  func notHTTP(answer: String) async throws {
    let port = try CannedServer.start(answer: answer)
    let url = try #require(URL(string: "http://127.0.0.1:\(port)/x"))
    let failure = await #expect(throws: URLError.self) {
      try await PlainHTTPTransport().send(URLRequest(url: url))
    }
    #expect(failure?.code == .badServerResponse)
  }

  @Test("nothing listening is a URLError; https is refused")
  func failures() async throws {
    let closed = try #require(URL(string: "http://127.0.0.1:1/x"))
    let refused = await #expect(throws: URLError.self) {
      try await PlainHTTPTransport().send(URLRequest(url: closed))
    }
    #expect(refused?.code == .cannotConnectToHost)
    let secure = try #require(URL(string: "https://example.invalid/x"))
    let unsupported = await #expect(throws: URLError.self) {
      try await PlainHTTPTransport().send(URLRequest(url: secure))
    }
    #expect(unsupported?.code == .unsupportedURL)
  }

  @Test(
    "an upstream that stops sending for the timeout fails the exchange as timed out",
    arguments: ["", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf"])
  func timeout(sentBeforeSilence: String) async throws {
    let release = DispatchSemaphore(value: 0)
    let upstream = try ScriptedUpstream { _, upstream, peer in
      defer { peer.close() }
      guard upstream.read(peer) != nil else { return }
      peer.write(sentBeforeSilence)
      release.wait()  // Silent, the connection open, until the test is done.
    }
    defer {
      release.signal()
      upstream.stop()
    }
    let url = try #require(URL(string: "\(upstream.baseURL.absoluteString)/x"))
    let failure = await #expect(throws: URLError.self) {
      try await PlainHTTPTransport(timeout: .milliseconds(200)).send(URLRequest(url: url))
    }
    #expect(failure?.code == .timedOut)
    #expect(failure?.localizedDescription.contains("the upstream sent nothing for") == true)
  }
}

/// A one-shot server on 127.0.0.1 that reads a request head and writes a canned answer, then
/// closes the connection.
enum CannedServer {
  static func start(answer: String) throws -> UInt16 {
    try start(bytes: Array(answer.utf8))
  }

  /// Answers with `bytes` as they are.
  static func start(bytes: [UInt8]) throws -> UInt16 {
    let listener = socket(AF_INET, SystemSocket.stream, 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    Thread {
      let connection = accept(listener, nil, nil)
      var buffer = [UInt8](repeating: 0, count: 4096)
      var received: [UInt8] = []
      while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
        let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { break }
        received += buffer[0..<count]
      }
      _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
      close(connection)
      close(listener)
    }.start()
    return UInt16(bigEndian: address.sin_port)
  }
}
