import SystemInterface

/// The accepting thread: waits for connections and gives each one its own thread, up to the
/// configured bound. At the bound it stops accepting, so further connections wait in the
/// kernel's backlog until a slot frees up. It ends when the server stops, closing the
/// listening socket so the port is free and new connections are refused.
enum AcceptLoop {
  /// How long a connection must have waited for its request head before a new connection
  /// may displace it when every slot is taken.
  static let evictionAge = Duration.milliseconds(500)

  /// Runs until the server stops.
  static func run(core: ServerCore) {
    defer {
      core.listener.close()
      core.acceptorFinished()
    }
    while !core.isStopping {
      if core.isAtCapacity() {
        let displaces = core.configuration.displacesSlowRequestHeads
        let ready = waitReadable(
          [core.stopPipe.readDescriptor, core.slotPipe.readDescriptor]
            + (displaces ? [core.listener.descriptor] : []))
        if displaces && ready[2] && !ready[1] {
          // A new connection waits: close the slowest one still sending its request head,
          // or look again shortly when none has waited long enough.
          let evicted = core.evictSlowestWaiting(minimum: evictionAge)
          _ = waitReadable(
            [core.stopPipe.readDescriptor, core.slotPipe.readDescriptor],
            timeoutMilliseconds: evicted ? -1 : 50)
        }
        core.slotPipe.drain()
        continue
      }
      let ready = waitReadable([core.listener.descriptor, core.stopPipe.readDescriptor])
      guard ready.first == true, !core.isStopping else { continue }
      switch core.listener.accept() {
      case .connection(let descriptor, let peer):
        let id = core.connectionOpened(descriptor: descriptor)
        let started = DedicatedThread.start {
          ConnectionLoop.serve(descriptor: descriptor, peer: peer, id: id, core: core)
        }
        if !started {
          core.connectionBusy(id)
          _ = close(descriptor)
          core.connectionClosed(id)
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
