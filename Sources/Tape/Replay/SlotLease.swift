import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One replaying `URLSession`'s hold on its protocol slot and its player.
///
/// The session keeps its lease as its delegate (a `URLSession` holds its delegate for as
/// long as it exists), and the lease keeps the player: a session answers from its player
/// however long it outlives the code that made it. When the lease goes, so does the slot's
/// link to the player, for good (see ``ProtocolSlots``). The lease implements no delegate
/// method, so the session behaves as one without a delegate.
final class SlotLease: NSObject, URLSessionDelegate, @unchecked Sendable {
  // @unchecked: every stored property is an immutable `let` of a Sendable type; NSObject
  // itself is not marked Sendable.

  /// The player the session answers from.
  let player: CassettePlayer
  /// The slot number.
  let slot: Int

  init(player: CassettePlayer, slot: Int) {
    self.player = player
    self.slot = slot
  }

  deinit {
    ProtocolSlots.release(slot)
  }
}
