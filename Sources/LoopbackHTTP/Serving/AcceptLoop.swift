import Glibc

/// The accepting thread: waits for connections and gives each one its own thread, up to the
/// configured bound. At the bound it stops accepting, so further connections wait in the
/// kernel's backlog until a slot frees up. It ends when the server stops, closing the
/// listening socket so the port is free and new connections are refused.
enum AcceptLoop {
  /// Runs until the server stops.
  static func run(core: ServerCore) {
    defer {
      core.listener.close()
      core.acceptorFinished()
    }
    while !core.isStopping {
      if core.isAtCapacity() {
        _ = waitReadable([core.stopPipe.readDescriptor, core.slotPipe.readDescriptor])
        core.slotPipe.drain()
        continue
      }
      let ready = waitReadable([core.listener.descriptor, core.stopPipe.readDescriptor])
      guard ready.first == true, !core.isStopping else { continue }
      switch core.listener.accept() {
      case .connection(let descriptor, let peer):
        core.connectionOpened()
        let started = DedicatedThread.start {
          ConnectionLoop.serve(descriptor: descriptor, peer: peer, core: core)
        }
        if !started {
          _ = close(descriptor)
          core.connectionClosed()
        }
      case .nothing:
        continue
      case .outOfDescriptors:
        _ = waitReadable([core.stopPipe.readDescriptor], timeoutMilliseconds: 50)
      }
    }
  }

  /// Polls `descriptors` for readability; which of them are readable (all false on timeout or
  /// interruption).
  private static func waitReadable(_ descriptors: [Int32], timeoutMilliseconds: Int32 = -1)
    -> [Bool]
  {
    var polled = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let ready = poll(&polled, nfds_t(polled.count), timeoutMilliseconds)
    return polled.map { ready > 0 && $0.revents != 0 }
  }
}
