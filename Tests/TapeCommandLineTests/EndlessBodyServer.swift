import Dispatch
import Foundation
import Synchronization
import SystemInterface

/// A server on 127.0.0.1 that answers its first request with a chunked body that goes on
/// until `cap` bytes (as good as endless to a client with a smaller limit), and counts what
/// it could send before the client closed the connection.
final class EndlessBodyServer: Sendable {
  let port: UInt16
  private let listener: Int32
  private let sentBeforeClose = Mutex<Int?>(nil)
  private let done = DispatchSemaphore(value: 0)

  /// `http://127.0.0.1:<port>`.
  var url: String { "http://127.0.0.1:\(port)" }

  init(cap: Int) throws {
    let listening = SystemSocket.open(family: AF_INET)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listening, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard listening >= 0, bound == 0, listen(listening, 8) == 0 else {
      throw BlockingStepFailed(description: "bind or listen failed")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
    }
    listener = listening
    port = UInt16(bigEndian: address.sin_port)
    Thread { [self] in
      let connection = accept(listening, nil, nil)
      guard connection >= 0 else { return }
      defer {
        SystemInterface.close(connection)
        done.signal()
      }
      var head = [UInt8](repeating: 0, count: 65_536)
      guard recv(connection, &head, head.count, 0) > 0 else { return }
      let chunk =
        Array(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            .utf8)
      guard Self.write(chunk, to: connection) else { return }
      let piece =
        Array("4000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 0x4000)
        + Array("\r\n".utf8)
      var sent = 0
      while sent < cap {
        guard Self.write(piece, to: connection) else {
          sentBeforeClose.withLock { $0 = sent }
          return
        }
        sent += 0x4000
      }
      _ = Self.write(Array("0\r\n\r\n".utf8), to: connection)
    }.start()
  }

  /// Waits until the answer ended; how many body bytes went before the client closed (nil
  /// when the whole `cap` went).
  func bytesSentBeforeClose() -> Int? {
    done.wait()
    return sentBeforeClose.withLock { $0 }
  }

  private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    SystemSocket.sendAll(bytes, to: descriptor) == bytes.count
  }

  deinit {
    shutdown(listener, Int32(SHUT_RDWR))
    SystemInterface.close(listener)
  }
}
