import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An ``HTTPTransport`` that answers from a cassette through a ``CassettePlayer``.
public struct ReplayingTransport: HTTPTransport {
  /// The player answering the requests.
  public let player: CassettePlayer

  /// Creates a transport over a player.
  public init(player: CassettePlayer) {
    self.player = player
  }

  /// Answers from the cassette; throws ``ReplayFailure`` when it has no answer.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    try await player.respond(to: request)
  }
}

extension CassettePlayer {
  /// A transport answering from this player.
  public var transport: ReplayingTransport { ReplayingTransport(player: self) }
}
