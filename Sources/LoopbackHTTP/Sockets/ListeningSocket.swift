import SystemInterface

/// A non-blocking TCP socket bound to an address and listening.
struct ListeningSocket: Sendable {
  /// The socket's descriptor.
  let descriptor: Int32
  /// The port it is bound to (the one the system picked when 0 was asked for).
  let port: UInt16

  /// Creates, binds and listens; `SO_REUSEADDR` lets a restarted server bind a port whose
  /// old connections linger in TIME_WAIT.
  static func open(host: String, port: UInt16, backlog: Int) throws(HTTPServerError)
    -> ListeningSocket
  {
    guard let address = NumericAddress.socketAddress(host: host, port: port) else {
      throw .invalidHost(host)
    }
    let descriptor = SystemSocket.open(family: address.family)
    guard descriptor >= 0 else { throw .socketFailure(operation: "socket", errno: errno) }
    do throws(HTTPServerError) {
      var reuse: Int32 = 1
      try check(
        setsockopt(
          descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size)),
        "setsockopt(SO_REUSEADDR)")
      var storage = address.storage
      try check(
        withUnsafePointer(to: &storage) {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, address.length)
          }
        }, "bind")
      try check(listen(descriptor, Int32(clamping: backlog)), "listen")
      let flags = fcntl(descriptor, F_GETFL)
      try check(fcntl(descriptor, F_SETFL, flags | O_NONBLOCK), "fcntl(O_NONBLOCK)")
      return ListeningSocket(descriptor: descriptor, port: try boundPort(of: descriptor))
    } catch {
      _ = SystemInterface.close(descriptor)
      throw error
    }
  }

  /// The outcome of one `accept`.
  enum Accepted {
    /// A connection, blocking, with its peer's address.
    case connection(descriptor: Int32, peer: SocketAddress)
    /// Nothing to accept right now (the client left, or the call was interrupted).
    case nothing
    /// The process or system is out of descriptors: retry after a pause.
    case outOfDescriptors
  }

  /// Accepts one pending connection without blocking.
  func accept() -> Accepted {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let connection = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        // Close-on-exec from the start (accept4): a process spawned meanwhile by another
        // thread must not inherit the connection and hold it open after the server closes it.
        SystemSocket.accept(descriptor, $0, &length)
      }
    }
    guard connection >= 0 else {
      switch errno {
      case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .outOfDescriptors
      default: return .nothing
      }
    }
    return .connection(descriptor: connection, peer: NumericAddress.describe(storage))
  }

  /// Closes the socket: the port is free again and new connections are refused.
  func close() {
    _ = SystemInterface.close(descriptor)
  }

  private static func check(_ result: Int32, _ operation: String) throws(HTTPServerError) {
    guard result == 0 else { throw .socketFailure(operation: operation, errno: errno) }
  }

  private static func boundPort(of descriptor: Int32) throws(HTTPServerError) -> UInt16 {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let result = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    try check(result, "getsockname")
    return NumericAddress.describe(storage).port
  }
}
