import Foundation
import SystemInterface

/// A server on 127.0.0.1 that takes connections and never answers: the kernel completes
/// each handshake into the listen backlog, and nothing ever reads. Closed when released.
final class SilentServer: Sendable {
  let descriptor: Int32
  let port: UInt16

  /// `http://127.0.0.1:<port>`.
  var url: String { "http://127.0.0.1:\(port)" }

  init() throws {
    let descriptor = SystemSocket.open(family: AF_INET)
    guard descriptor >= 0 else { throw BlockingStepFailed(description: "socket failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 64) == 0 else {
      close(descriptor)
      throw BlockingStepFailed(description: "bind or listen failed")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    self.descriptor = descriptor
    self.port = UInt16(bigEndian: address.sin_port)
  }

  deinit {
    close(descriptor)
  }
}
