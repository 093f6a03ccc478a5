import SystemInterface

/// A connected TCP socket, read and written with blocking calls on its connection's own
/// thread. Reads wait in `poll(2)` first, so every wait has a deadline.
struct ConnectionSocket {
  /// The socket's descriptor.
  let descriptor: Int32

  /// What ended a wait for bytes to read.
  enum Readiness {
    /// Bytes (or the end of the stream) can be read.
    case readable
    /// The server is stopping (the stop pipe became readable).
    case stopRequested
    /// The deadline passed.
    case timedOut
  }

  /// Turns off Nagle's algorithm (each answer is written in one call, so nothing is gained
  /// by delaying it) and bounds how long a write may block.
  func configure(writeTimeout: Duration) {
    var noDelay: Int32 = 1
    _ = setsockopt(
      descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
    let (seconds, attoseconds) = writeTimeout.components
    // `suseconds_t`: Int on Glibc, Int32 on Darwin.
    var timeout = timeval(
      tv_sec: time_t(clamping: seconds), tv_usec: suseconds_t(attoseconds / 1_000_000_000_000))
    _ = setsockopt(
      descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Waits until the socket is readable, the deadline passes or, when `stopDescriptor` is
  /// given, it becomes readable.
  func waitReadable(until deadline: Deadline, stopDescriptor: Int32? = nil) -> Readiness {
    var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    if let stopDescriptor {
      descriptors.append(pollfd(fd: stopDescriptor, events: Int16(POLLIN), revents: 0))
    }
    while true {
      let ready = poll(&descriptors, nfds_t(descriptors.count), deadline.remainingMilliseconds)
      if ready > 0 {
        if descriptors.count > 1 && descriptors[1].revents != 0 { return .stopRequested }
        return .readable
      }
      if ready == 0 || errno != EINTR { return ready == 0 ? .timedOut : .readable }
    }
  }

  /// Receives what is available into `buffer` through `scratch`: the byte count, 0 at the
  /// end of the stream, or nil on an error (reset by the peer, ...).
  func receive(into buffer: inout ReceiveBuffer, scratch: UnsafeMutableRawBufferPointer) -> Int? {
    while true {
      let count = recv(descriptor, scratch.baseAddress, scratch.count, 0)
      if count > 0 {
        buffer.append(UnsafeRawBufferPointer(rebasing: scratch[..<count]))
        return count
      }
      if count == 0 { return 0 }
      if errno != EINTR { return nil }
    }
  }

  /// Writes every byte; false when the peer is gone or the write timed out.
  /// `SystemSocket.sendFlags` keeps a vanished peer from raising SIGPIPE.
  func sendAll(_ bytes: [UInt8]) -> Bool {
    SystemSocket.sendAll(bytes, to: descriptor) == bytes.count
  }

  /// Closes after an answer without losing it: stops writing (the client sees the end of the
  /// stream after the answer), then reads and discards what the client still sends until it
  /// closes or `deadline` passes, so that closing with unread bytes does not reset the
  /// connection before the client has read the answer.
  func closeAfterLingering(until deadline: Deadline, scratch: UnsafeMutableRawBufferPointer) {
    _ = shutdown(descriptor, Int32(SHUT_WR))
    while waitReadable(until: deadline) == .readable {
      let count = recv(descriptor, scratch.baseAddress, scratch.count, 0)
      if count == 0 || (count < 0 && errno != EINTR) { break }
    }
    close()
  }

  /// Closes at once.
  func close() {
    _ = SystemInterface.close(descriptor)
  }
}
