/// The socket calls whose spelling differs between the platforms.
///
/// Two guarantees hold for every socket made or accepted here: it is close-on-exec (a
/// process spawned by another thread does not inherit it and hold it open), and writing to
/// it with ``sendFlags`` after the peer left returns `EPIPE` instead of raising SIGPIPE.
/// Linux gives both atomically (`SOCK_CLOEXEC`, `accept4`, `MSG_NOSIGNAL`). Darwin has
/// none of the three: there the descriptor is marked close-on-exec right after it is made
/// (a spawn by another thread in between would inherit it) and carries `SO_NOSIGPIPE`
/// (the Darwin branch is written from the manual pages and never compiled).
package enum SystemSocket {
  /// `SOCK_STREAM` as `socket(2)` and `addrinfo.ai_socktype` take it (Glibc imports it as
  /// an enum, the others as a number).
  package static let stream: Int32 = {
    #if canImport(Glibc)
      Int32(SOCK_STREAM.rawValue)
    #else
      SOCK_STREAM
    #endif
  }()

  /// Sends every byte of `bytes` on `descriptor` with ``sendFlags``, again after a signal
  /// interrupted it; how many bytes went before an error stopped it (`errno` says which), or
  /// `bytes.count` when all did. The one send loop of the package and its tests.
  package static func sendAll(_ bytes: [UInt8], to descriptor: Int32) -> Int {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let sent = send(descriptor, raw.baseAddress! + offset, raw.count - offset, sendFlags)
        if sent > 0 {
          offset += sent
        } else if !(sent < 0 && errno == EINTR) {
          return offset
        }
      }
      return offset
    }
  }

  /// The flags of a `send(2)` that must not raise SIGPIPE: `MSG_NOSIGNAL` on Linux; none on
  /// Darwin, whose sockets made by ``open(family:type:)`` and ``accept(_:_:_:)`` carry
  /// `SO_NOSIGPIPE` instead.
  package static let sendFlags: Int32 = {
    #if os(Linux)
      Int32(MSG_NOSIGNAL)
    #else
      0
    #endif
  }()

  /// `socket(2)` of `type` (a stream by default) in `family`, close-on-exec; -1 with
  /// `errno` set when the system refuses.
  package static func open(family: Int32, type: Int32 = stream) -> Int32 {
    #if os(Linux)
      return socket(family, type | closeOnExec, 0)
    #else
      let descriptor = socket(family, type, 0)
      if descriptor >= 0 { prepare(descriptor) }
      return descriptor
    #endif
  }

  /// `accept(2)` on `listening`, the connection close-on-exec from the start on Linux
  /// (`accept4`); -1 with `errno` set when nothing was accepted.
  package static func accept(
    _ listening: Int32, _ address: UnsafeMutablePointer<sockaddr>?,
    _ length: UnsafeMutablePointer<socklen_t>?
  ) -> Int32 {
    #if os(Linux)
      return systemAccept4(listening, address, length, closeOnExec)
    #else
      let descriptor = SystemInterface.accept(listening, address, length)
      if descriptor >= 0 { prepare(descriptor) }
      return descriptor
    #endif
  }

  #if os(Linux)
    /// `SOCK_CLOEXEC` as a flag of `socket(2)` and `accept4(2)`.
    private static let closeOnExec: Int32 = {
      #if canImport(Glibc)
        Int32(SOCK_CLOEXEC.rawValue)
      #else
        SOCK_CLOEXEC
      #endif
    }()
  #else
    /// Close-on-exec and no SIGPIPE, set after the fact (see the type's note).
    private static func prepare(_ descriptor: Int32) {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      var on: Int32 = 1
      _ = setsockopt(
        descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
    }
  #endif
}

#if os(Linux)
  /// `accept4(2)`, which the Glibc module does not export (it needs `_GNU_SOURCE`).
  @_silgen_name("accept4")
  private func systemAccept4(
    _ descriptor: Int32, _ address: UnsafeMutablePointer<sockaddr>?,
    _ length: UnsafeMutablePointer<socklen_t>?, _ flags: Int32
  ) -> Int32
#endif
