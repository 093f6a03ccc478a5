import Foundation
import LoopbackHTTP
import Synchronization
import SystemInterface

/// A request as a raw upstream read it off the wire.
struct WireRequest: Sendable {
  /// The request line, as sent: `POST /v2/x HTTP/1.1`.
  var line: String
  /// The header lines, as sent.
  var headerLines: [String]
  /// The body (`Content-Length` bytes).
  var body: [UInt8]

  /// The method, as spelled.
  var method: String { String(line.prefix { $0 != " " }) }
  /// The request target, as sent.
  var target: String { String(line.split(separator: " ").dropFirst().first ?? "") }

  /// The value of the first header line named `name` (any case).
  func header(_ name: String) -> String? {
    for line in headerLines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      if line[..<colon].lowercased() == name.lowercased() {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }
}

/// One connection accepted by a ``ScriptedUpstream``, read and written with blocking calls on
/// its own thread.
final class RawPeer: @unchecked Sendable {
  let descriptor: Int32
  private var pending: [UInt8] = []

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// Reads one request (head and `Content-Length` body); nil when the connection ends first.
  func readRequest() -> WireRequest? {
    let end = Array("\r\n\r\n".utf8)
    var headEnd: Int?
    while headEnd == nil {
      if pending.count >= 4 {
        headEnd = (0...(pending.count - 4)).first { Array(pending[$0..<$0 + 4]) == end }
      }
      if headEnd == nil && !fill() { return nil }
    }
    guard let headEnd else { return nil }
    let lines = String(decoding: pending[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
    pending.removeFirst(headEnd + 4)
    var request = WireRequest(line: lines[0], headerLines: Array(lines.dropFirst()), body: [])
    let length = Int(request.header("Content-Length") ?? "0") ?? 0
    while pending.count < length {
      guard fill() else { return nil }
    }
    request.body = Array(pending[..<length])
    pending.removeFirst(length)
    return request
  }

  /// Writes `text`; false when the peer is gone.
  @discardableResult
  func write(_ text: String) -> Bool {
    write(Array(text.utf8))
  }

  /// Writes `bytes`; false when the peer is gone.
  @discardableResult
  func write(_ bytes: [UInt8]) -> Bool {
    SystemSocket.sendAll(bytes, to: descriptor) == bytes.count
  }

  /// Closes the connection.
  func close() {
    _ = SystemInterface.close(descriptor)
  }

  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    pending += chunk[0..<count]
    return true
  }
}

/// A raw-socket upstream on 127.0.0.1, for what LoopbackHTTP's server never does on the
/// wire: each accepted connection runs `script` on a thread of its own, with the
/// connection's index (0 for the first). Every request a script reads is kept, in order.
final class ScriptedUpstream: Sendable {
  let port: UInt16
  private let listener: Int32
  private let received = Mutex<[WireRequest]>([])

  /// `http://127.0.0.1:PORT`.
  var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

  /// Every request read so far, over every connection, in order.
  var requests: [WireRequest] { received.withLock { $0 } }

  init(
    script: @escaping @Sendable (_ connection: Int, _ upstream: ScriptedUpstream, RawPeer) -> Void
  )
    throws
  {
    let listening = SystemSocket.open(family: AF_INET)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listening, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
    }
    listener = listening
    port = UInt16(bigEndian: address.sin_port)
    Thread { [self] in
      var index = 0
      while true {
        let connection = SystemSocket.accept(listening, nil, nil)
        guard connection >= 0 else {
          // Stopped: closed here, by the only thread that uses it, so that no accept can
          // run on the number after another test's socket has taken it.
          _ = close(listening)
          return
        }
        let peer = RawPeer(descriptor: connection)
        let number = index
        index += 1
        Thread { script(number, self, peer) }.start()
      }
    }.start()
  }

  /// Reads one request on `peer` and keeps it; nil when the connection ends first.
  func read(_ peer: RawPeer) -> WireRequest? {
    guard let request = peer.readRequest() else { return nil }
    received.withLock { $0.append(request) }
    return request
  }

  /// Stops accepting connections (the accepting thread closes the listener as it ends).
  func stop() {
    _ = shutdown(listener, Int32(SHUT_RDWR))
  }
}

/// A client on a raw socket that sends exactly the bytes a test wants and reads the answer
/// with LoopbackHTTP's response reader.
final class RawClient: Sendable {
  let descriptor: Int32

  /// Connects to `127.0.0.1:port`.
  init(port: UInt16) throws {
    descriptor = SystemSocket.open(family: AF_INET)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
  }

  deinit {
    _ = close(descriptor)
  }

  /// Sends `text` as it is.
  func send(_ text: String) {
    _ = SystemSocket.sendAll(Array(text.utf8), to: descriptor)
  }

  /// Reads the next answer to a `method` request (an interim one too, with `interim`).
  func readAnswer(method: String = "GET") throws -> HTTPResponseMessage {
    var reader = HTTPResponseReader(
      requestMethod: method, limits: .init(maxBodyBytes: 1 << 30, maxInterimAnswers: 0))
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count >= 0 else { throw POSIXError(.ECONNRESET) }
      chunk[0..<count].withUnsafeBytes { reader.receive($0) }
      if case .complete(let answer) = try reader.read(endOfStream: count == 0) { return answer }
    }
  }

  /// Reads one interim answer's head (`HTTP/1.1 100 Continue`), as a line.
  func readInterimLine() -> String {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while !(bytes.count >= 4 && Array(bytes.suffix(4)) == Array("\r\n\r\n".utf8)) {
      guard recv(descriptor, &byte, 1, 0) == 1 else { break }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")[0]
  }
}

/// Runs blocking `work` on a thread of its own (never the concurrency pool, which a blocked
/// test would starve on two cores) and returns its result.
func onThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws
  -> Value
{
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}
