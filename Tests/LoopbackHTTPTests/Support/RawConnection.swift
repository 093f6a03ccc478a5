import Synchronization
import SystemInterface

/// A client connection on a raw blocking socket, for saying exactly the bytes a test wants.
///
/// Every call blocks: use it inside ``onDedicatedThread(_:)``. Reads take a deadline, which
/// only guards against a test hanging; they return as soon as the awaited bytes (or the end
/// of the stream) arrive.
final class RawConnection: Sendable {
  /// What went wrong on the socket.
  enum Failure: Error, Equatable {
    /// `connect(2)` failed with this errno (`ECONNREFUSED` when nothing listens).
    case connectFailed(errno: Int32)
    /// `send(2)` failed with this errno (the server closed the connection).
    case sendFailed(errno: Int32)
    /// The awaited bytes did not arrive before the deadline.
    case timedOut
    /// The stream ended before a complete answer; here is what had arrived.
    case closedEarly(received: [UInt8])
  }

  /// The socket's descriptor.
  let descriptor: Int32
  private let pending = Mutex<[UInt8]>([])
  private let closed = Atomic<Bool>(false)

  /// Connects to `127.0.0.1:port`.
  init(port: UInt16) throws(Failure) {
    // Close-on-exec: a `tape` process another test spawns must not inherit this socket.
    let descriptor = SystemSocket.open(family: AF_INET)
    guard descriptor >= 0 else { throw .connectFailed(errno: errno) }
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
      let failure = errno
      _ = SystemInterface.close(descriptor)
      throw .connectFailed(errno: failure)
    }
    var noDelay: Int32 = 1
    _ = setsockopt(
      descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
    self.descriptor = descriptor
  }

  deinit {
    close()
  }

  /// Sends every byte.
  func send(_ bytes: [UInt8]) throws(Failure) {
    guard SystemSocket.sendAll(bytes, to: descriptor) == bytes.count else {
      throw .sendFailed(errno: errno)
    }
  }

  /// Sends the UTF-8 bytes of `text`.
  func send(_ text: String) throws(Failure) {
    try send(Array(text.utf8))
  }

  /// Says the client will send nothing more (the server reads the end of the stream).
  func shutdownWrite() {
    _ = shutdown(descriptor, Int32(SHUT_WR))
  }

  /// Reads the next answer; `bodyless` for the answer to a HEAD request.
  func readResponse(bodyless: Bool = false, timeout: Duration = .seconds(10)) throws
    -> RawResponse
  {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while true {
      let buffered = pending.withLock { $0 }
      if let (response, length) = try RawResponse.parse(buffered, bodyless: bodyless) {
        pending.withLock { $0.removeFirst(length) }
        return response
      }
      guard try receive(until: deadline) else { throw Failure.closedEarly(received: buffered) }
    }
  }

  /// Reads until the server closes the connection (an orderly end or a reset): every byte
  /// not read yet.
  func readUntilClosed(timeout: Duration = .seconds(10)) throws(Failure) -> [UInt8] {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while try receive(until: deadline) {}
    return pending.withLock { bytes in
      defer { bytes = [] }
      return bytes
    }
  }

  /// Receives what is available into the pending bytes: false at the end of the stream.
  private func receive(until deadline: ContinuousClock.Instant) throws(Failure) -> Bool {
    var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    while true {
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { throw .timedOut }
      let (seconds, attoseconds) = remaining.components
      let milliseconds = Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000 + 1)
      if poll(&descriptors, 1, milliseconds) > 0 { break }
    }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    pending.withLock { $0.append(contentsOf: chunk[0..<count]) }
    return true
  }

  /// Closes the socket (once).
  func close() {
    guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
    _ = SystemInterface.close(descriptor)
  }

  /// Closes with a reset instead of an orderly end, as a crashed client would.
  func closeWithReset() {
    var immediate = linger(l_onoff: 1, l_linger: 0)
    _ = setsockopt(
      descriptor, SOL_SOCKET, SO_LINGER, &immediate, socklen_t(MemoryLayout<linger>.size))
    close()
  }
}
