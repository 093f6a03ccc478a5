import Foundation
import SystemInterface

/// The floor of any proxy on this machine: a loopback TCP relay that does no HTTP work
/// beyond finding where a message ends. A thread per client connection, each with its own
/// kept-alive connection to the upstream, both with `TCP_NODELAY`: it reads what the client
/// sent (a request head, which the bench's GETs are all of), writes it to the upstream,
/// reads the upstream's answer (framed by `Content-Length`, which the simulator always
/// sends) and writes it back. For the bench only: no timeouts, no limits, no bodies on
/// requests, no stopping (its threads end with the process, or when either side closes).
final class BareRelay: Sendable {
  /// Where clients connect.
  let port: UInt16
  private let listener: Int32
  private let upstreamPort: UInt16

  /// Listens on 127.0.0.1 (a port the system picks) and relays to `127.0.0.1:upstreamPort`.
  init?(upstreamPort: UInt16) {
    let descriptor = SystemSocket.open(family: AF_INET)
    guard descriptor >= 0 else { return nil }
    var address = Self.loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, length) == 0 && listen(descriptor, 128) == 0
          && getsockname(descriptor, $0, &length) == 0
      }
    }
    guard bound else {
      _ = SystemInterface.close(descriptor)
      return nil
    }
    listener = descriptor
    port = UInt16(bigEndian: address.sin_port)
    self.upstreamPort = upstreamPort
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  private static func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }

  private func acceptLoop() {
    while true {
      let client = SystemSocket.accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR || errno == ECONNABORTED { continue }
        return
      }
      let upstreamPort = upstreamPort
      let thread = Thread { Self.relay(client: client, upstreamPort: upstreamPort) }
      thread.start()
    }
  }

  private static func noDelay(_ descriptor: Int32) {
    var on: Int32 = 1
    _ = setsockopt(
      descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
  }

  /// Relays one client connection to its end.
  private static func relay(client: Int32, upstreamPort: UInt16) {
    let upstream = SystemSocket.open(family: AF_INET)
    var address = loopback(port: upstreamPort)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    defer {
      _ = SystemInterface.close(client)
      _ = SystemInterface.close(upstream)
    }
    guard upstream >= 0, connected else { return }
    noDelay(client)
    noDelay(upstream)
    let capacity = 256 * 1024
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    while true {
      // The request: its head, which ends the bench's GETs.
      guard let request = readMessage(from: client, into: buffer, framedByLength: false),
        send(buffer, count: request, to: upstream),
        let answer = readMessage(from: upstream, into: buffer, framedByLength: true),
        send(buffer, count: answer, to: client)
      else { return }
    }
  }

  /// Reads one message into `buffer`: up to the end of its head, and then, when
  /// `framedByLength`, as many more bytes as its `Content-Length` says. Its length, or nil
  /// when the peer closed or the buffer is too small.
  private static func readMessage(
    from descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, framedByLength: Bool
  ) -> Int? {
    var count = 0
    var total: Int?
    while total.map({ count < $0 }) ?? true {
      guard count < buffer.count else { return nil }
      let received = recv(descriptor, buffer.baseAddress! + count, buffer.count - count, 0)
      if received < 0 && errno == EINTR { continue }
      guard received > 0 else { return nil }
      count += received
      if total == nil, let headEnd = headEnd(buffer, count) {
        total = headEnd + (framedByLength ? contentLength(buffer, headEnd) : 0)
      }
    }
    return count
  }

  /// The offset just past the `\r\n\r\n` ending the head in the first `count` bytes.
  private static func headEnd(_ buffer: UnsafeMutableRawBufferPointer, _ count: Int) -> Int? {
    guard count >= 4 else { return nil }
    for index in 0...(count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
      && buffer[index + 3] == 10
    {
      return index + 4
    }
    return nil
  }

  /// The value of the head's `Content-Length` field (any case), 0 when it has none.
  private static func contentLength(_ buffer: UnsafeMutableRawBufferPointer, _ headEnd: Int)
    -> Int
  {
    let name = Array("\r\ncontent-length:".utf8)
    var index = 0
    while index + name.count < headEnd {
      var matches = true
      for offset in 0..<name.count {
        var byte = buffer[index + offset]
        if byte >= 65 && byte <= 90 { byte += 32 }
        if byte != name[offset] {
          matches = false
          break
        }
      }
      if matches {
        var value = 0
        var cursor = index + name.count
        while buffer[cursor] == 32 { cursor += 1 }
        while buffer[cursor] >= 48 && buffer[cursor] <= 57 {
          value = value * 10 + Int(buffer[cursor] - 48)
          cursor += 1
        }
        return value
      }
      index += 1
    }
    return 0
  }

  /// Writes the first `count` bytes of `buffer`; false when the peer is gone.
  private static func send(
    _ buffer: UnsafeMutableRawBufferPointer, count: Int, to descriptor: Int32
  )
    -> Bool
  {
    var offset = 0
    while offset < count {
      let sent = SystemInterface.send(
        descriptor, buffer.baseAddress! + offset, count - offset, SystemSocket.sendFlags)
      if sent < 0 && errno == EINTR { continue }
      guard sent > 0 else { return false }
      offset += sent
    }
    return true
  }
}
