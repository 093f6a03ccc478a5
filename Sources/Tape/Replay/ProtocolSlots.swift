import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Gives every replaying `URLSession` a URLProtocol class of its own, so that a request is
/// routed to its session's player by the class that loads it.
///
/// On Linux, headers set on a session's configuration never reach a custom URLProtocol and
/// task-locals do not reach its callbacks, so a session cannot say which cassette it
/// belongs to any other way. Each slot number is spelled in binary as nested generic types
/// (`TapeURLProtocol<Bit1<Bit0<SlotRoot>>>`), and every specialization of a generic class
/// is a distinct class at run time. A slot belongs to one ``SlotLease``, which its session
/// holds, and is never given to another: a request sent through a slot whose session is gone
/// (a session built from a replaying session's configuration can outlive it) fails with a
/// clear error, and can never reach another session's player. Each slot costs its class's
/// metadata for the life of the process.
enum ProtocolSlots {
  private struct Registry {
    var leases: [ObjectIdentifier: WeakLease] = [:]
    var next = 0
  }

  private struct WeakLease {
    weak var lease: SlotLease?
  }

  private static let registry = Mutex(Registry())

  /// Takes a new slot for `player`: the lease that holds it, and its protocol class.
  static func lease(for player: CassettePlayer) -> (
    lease: SlotLease, protocolClass: URLProtocol.Type
  ) {
    registry.withLock { registry in
      let slot = registry.next
      registry.next += 1
      let protocolClass = makeClass(slot)
      let lease = SlotLease(player: player, slot: slot)
      registry.leases[ObjectIdentifier(protocolClass)] = WeakLease(lease: lease)
      return (lease, protocolClass)
    }
  }

  /// Retires a slot: called when its lease goes; the slot is never used again.
  static func release(_ slot: Int) {
    registry.withLock { registry in
      registry.leases[ObjectIdentifier(makeClass(slot))] = nil
    }
  }

  /// The player of a protocol class, while the session that holds its slot exists.
  static func player(for protocolClass: AnyClass) -> CassettePlayer? {
    registry.withLock { $0.leases[ObjectIdentifier(protocolClass)]?.lease?.player }
  }

  /// The class for a slot number: the number in binary, as nested generic types.
  private static func makeClass(_ slot: Int) -> URLProtocol.Type {
    func build<Path>(_ path: Path.Type, remaining: Int) -> URLProtocol.Type {
      guard remaining > 1 else { return TapeURLProtocol<Path>.self }
      return remaining & 1 == 1
        ? build(Bit1<Path>.self, remaining: remaining >> 1)
        : build(Bit0<Path>.self, remaining: remaining >> 1)
    }
    return build(SlotRoot.self, remaining: slot + 1)
  }
}

/// The start of a slot's type spelling.
enum SlotRoot {}
/// A 0 bit of a slot number.
enum Bit0<Rest> {}
/// A 1 bit of a slot number.
enum Bit1<Rest> {}
