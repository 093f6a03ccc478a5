import Dispatch
import Foundation
import Synchronization

/// An upstream that answers its first request with a chunked body of `cap` bytes (as good as
/// endless to a client with a smaller limit), and counts what it sent before the client
/// closed the connection.
final class EndlessChunkedUpstream: Sendable {
  /// What the upstream's connection thread reports.
  private final class Ending: Sendable {
    let sentBeforeClose = Mutex<Int?>(nil)
    let finished = DispatchSemaphore(value: 0)
  }

  private let upstream: ScriptedUpstream
  private let ending = Ending()

  /// `http://127.0.0.1:PORT`.
  var baseURL: URL { upstream.baseURL }

  init(cap: Int) throws {
    let ending = ending
    upstream = try ScriptedUpstream { _, upstream, peer in
      defer {
        peer.close()
        ending.finished.signal()
      }
      guard upstream.read(peer) != nil else { return }
      peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
      let chunk =
        Array("4000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 0x4000)
        + Array("\r\n".utf8)
      var sent = 0
      while sent < cap {
        guard peer.write(chunk) else {
          ending.sentBeforeClose.withLock { $0 = sent }
          return
        }
        sent += 0x4000
      }
      peer.write("0\r\n\r\n")
    }
  }

  /// Waits until the answer ended; the body bytes sent before the client closed (nil when
  /// the whole `cap` went).
  func bytesSentBeforeClose() async throws -> Int? {
    let ending = ending
    try await onThread { ending.finished.wait() }
    return ending.sentBeforeClose.withLock { $0 }
  }

  /// Stops accepting.
  func stop() {
    upstream.stop()
  }
}
