import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The URLProtocol of replaying sessions: answers every request from the player its slot
/// class belongs to (see ``ProtocolSlots``). Requests whose body was given to
/// `upload(for:from:)` arrive without it (a URLProtocol cannot see such bodies); set
/// `httpBody` on the request instead when the body matters for matching.
final class TapeURLProtocol<Slot>: URLProtocol {
  private let isStopped = Mutex(false)

  override class func canInit(with request: URLRequest) -> Bool { true }

  override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }

  override func startLoading() {
    guard let player = ProtocolSlots.player(for: type(of: self)) else {
      let loader = Loader(protocol: self)
      DispatchQueue.global().async { loader.protocol.deliver(.failure(URLError(.cancelled))) }
      return
    }
    let request = self.request
    let loader = Loader(protocol: self)
    let selection: CassettePlayer.Selection
    do {
      selection = try player.select(RequestSnapshot(request))
    } catch {
      DispatchQueue.global().async { loader.protocol.deliver(.failure(error)) }
      return
    }
    guard let wait = player.waitTime(for: selection) else {
      DispatchQueue.global().async {
        loader.protocol.deliver(Result { try player.answer(selection, url: request.url) })
      }
      return
    }
    Task {
      do {
        try await player.configuration.clock.sleep(wait)
        loader.protocol.deliver(Result { try player.answer(selection, url: request.url) })
      } catch {
        loader.protocol.deliver(.failure(error))
      }
    }
  }

  override func stopLoading() {
    isStopped.withLock { $0 = true }
  }

  private func deliver(_ result: Result<(Data, HTTPURLResponse), any Error>) {
    guard !isStopped.withLock({ $0 }) else { return }
    switch result {
    case .success(let (data, response)):
      client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
      if !data.isEmpty { client?.urlProtocol(self, didLoad: data) }
      client?.urlProtocolDidFinishLoading(self)
    case .failure(let error):
      client?.urlProtocol(self, didFailWithError: error)
    }
  }

  /// Carries the protocol to the queue or task that answers it. URLProtocol is not
  /// Sendable, but its client may be called from any thread, and the protocol's own mutable
  /// state (`isStopped`) is behind a Mutex.
  private struct Loader: @unchecked Sendable {
    let `protocol`: TapeURLProtocol
  }
}

extension CassettePlayer {
  /// A `URLSession` whose requests are answered by this player, for code that takes a
  /// session rather than a transport. Sessions of different players never mix, even in
  /// parallel tests.
  public func makeURLSession(configuration: URLSessionConfiguration = .ephemeral) -> URLSession {
    let (slot, protocolClass) = ProtocolSlots.reserve(for: self)
    ownSlot(slot)
    configuration.protocolClasses = [protocolClass] + (configuration.protocolClasses ?? [])
    return URLSession(configuration: configuration)
  }
}
