import SystemInterface

/// A keep-alive HTTP/1.1 client on a raw blocking socket, for driving the server from a
/// dedicated thread: it sends one GET at a time and reads the answer to its last byte.
struct BenchClient {
  private let descriptor: Int32
  private let request: [UInt8]
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
  private var pending: [UInt8] = []

  /// Connects to `127.0.0.1:port`; nil when the connection fails.
  init?(port: UInt16, path: String) {
    let descriptor = socket(AF_INET, SystemSocket.stream, 0)
    guard descriptor >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      SystemInterface.close(descriptor)
      return nil
    }
    var noDelay: Int32 = 1
    _ = setsockopt(
      descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
    self.descriptor = descriptor
    self.request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
  }

  /// Sends one request and reads its answer; the status, or nil when the exchange failed.
  mutating func exchange() -> Int? {
    let sent = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
    guard sent == request.count else { return nil }
    while true {
      if let (status, length) = Self.parse(pending) {
        pending.removeFirst(length)
        return status
      }
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { return nil }
      pending.append(contentsOf: buffer[0..<count])
    }
  }

  /// Closes the connection.
  func close() {
    _ = SystemInterface.close(descriptor)
  }

  /// The status and total length of the complete answer at the start of `bytes`.
  private static func parse(_ bytes: [UInt8]) -> (status: Int, length: Int)? {
    guard bytes.count >= 16 else { return nil }
    var headEnd: Int?
    for index in 0..<(bytes.count - 3)
    where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13
      && bytes[index + 3] == 10
    {
      headEnd = index + 4
      break
    }
    guard let headEnd else { return nil }
    let head = String(decoding: bytes[0..<headEnd], as: UTF8.self)
    let lines = head.split(separator: "\r\n")
    guard let statusLine = lines.first, statusLine.count >= 12,
      let status = Int(statusLine.dropFirst(9).prefix(3))
    else { return nil }
    var bodyLength = 0
    for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
      bodyLength = Int(line.dropFirst(15).trimmingPrefix(" ")) ?? 0
    }
    guard bytes.count >= headEnd + bodyLength else { return nil }
    return (status, headEnd + bodyLength)
  }
}
