import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The URLProtocol of replaying sessions: answers every request from the player its slot
/// class belongs to (see ``ProtocolSlots``). Requests whose body was given to
/// `upload(for:from:)` arrive without it (a URLProtocol cannot see such bodies); set
/// `httpBody` on the request instead when the body matters for matching.
///
/// It answers on URLSession's shared queue, where `startLoading` runs. Measured on Swift
/// 6.3.1 for Linux: calling the `URLProtocolClient` from any other thread (a global queue,
/// even one serial queue) while other tasks of the same session are in flight crashes
/// FoundationNetworking (a null dereference in `URLSession.behaviour(for:)`), with 8
/// requests in flight as with 64. An answer due at once is delivered inside `startLoading`.
/// One that must wait (pacing, a fault delay) waits off that queue on the real clock, and is
/// then delivered back on it through the ``Trampoline``, so that waits of requests in flight
/// together overlap as on the network (holding the shared queue would hold every session's
/// requests); on a ``VirtualClock`` the wait moves the clock at once. It cannot wait on
/// Swift concurrency inside `startLoading`: `URLSession.data(for:)` parks the concurrency
/// threads in a `DispatchQueue.sync` onto the very queue `startLoading` runs on (measured: a
/// deadlock with 2 cores). A truncated-body fault is delivered the same way: the head and
/// the partial body, then `networkConnectionLost` instead of the end of loading.
final class TapeURLProtocol<Slot>: URLProtocol {
  override class func canInit(with request: URLRequest) -> Bool { true }

  override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }

  override func startLoading() {
    if let player = ProtocolSlots.player(for: type(of: self)), let recording = player.recording {
      let clock = player.configuration.clock
      let arrival = clock.elapsed()
      if !recording.recordsEverything,
        let selection = try? player.select(
          RequestSnapshot(request), arrival: arrival, keepingFailure: false)
      {
        respond(player, selection, arrival: arrival)
      } else {
        pending = SessionRecording.start(self, recording: recording)
      }
      return
    }
    guard let player = ProtocolSlots.player(for: type(of: self)) else {
      deliver(.failure(Self.noPlayer))
      return
    }
    let arrival = player.configuration.clock.elapsed()
    do {
      respond(
        player, try player.select(RequestSnapshot(request), arrival: arrival), arrival: arrival)
    } catch {
      deliver(.failure(error))
    }
  }

  /// The answer delivered later for this request, if any: a recording, or a wait on the
  /// real clock.
  private var pending: PendingAnswer?

  override func stopLoading() {
    pending?.stop()
  }

  /// Delivers the answer to a selection: at once, or at its deadline.
  private func respond(
    _ player: CassettePlayer, _ selection: CassettePlayer.Selection, arrival: Duration
  ) {
    guard let deadline = player.deadline(for: selection, arrival: arrival),
      let schedule = player.configuration.clock.schedule
    else {
      deliver(Result { try answer(player, selection, arrival: arrival) })
      return
    }
    if let refusal = Trampoline.refusal {
      deliver(.failure(refusal))
      return
    }
    let waiting = PendingAnswer()
    pending = waiting
    let box = UncheckedBox(self)
    let url = request.url
    schedule(deadline) {
      let result = Result { try player.answer(selection, url: url) }
      Trampoline.shared.run {
        guard !waiting.isStopped else { return }
        box.value.deliver(result)
      }
    }
  }

  private static var noPlayer: URLError {
    URLError(
      .cancelled,
      userInfo: [
        NSLocalizedDescriptionKey:
          "Tape: this request's replay slot has no player: it was sent by a session that "
          + "CassettePlayer.makeURLSession() did not make (such as one built from another "
          + "replaying session's configuration), after that session was gone"
      ])
  }

  /// The answer to a selection, after any wait its pacing or fault asks for.
  private func answer(
    _ player: CassettePlayer, _ selection: CassettePlayer.Selection, arrival: Duration
  ) throws -> ReplayAnswer {
    let clock = player.configuration.clock
    do {
      if let deadline = player.deadline(for: selection, arrival: arrival) {
        guard let block = clock.block else {
          throw URLError(
            .cancelled,
            userInfo: [
              NSLocalizedDescriptionKey:
                "Tape cannot wait \(deadline - arrival) on this clock inside a URLSession replay: "
                + "use ReplayClock.continuous, a VirtualClock, or the player's transport"
            ])
        }
        block(deadline)
      }
      return try player.answer(selection, url: request.url)
    }
  }

  /// Sends the answer to the client: the head, the body, then the end or, for a cut
  /// connection, `networkConnectionLost` after the partial body.
  private func deliver(_ result: Result<ReplayAnswer, any Error>) {
    switch result {
    case .success(let answer):
      client?.urlProtocol(self, didReceive: answer.response, cacheStoragePolicy: .notAllowed)
      if !answer.body.isEmpty { client?.urlProtocol(self, didLoad: answer.body) }
      if answer.isCut {
        client?.urlProtocol(self, didFailWithError: answer.cutError)
      } else {
        client?.urlProtocolDidFinishLoading(self)
      }
    case .failure(let error):
      client?.urlProtocol(self, didFailWithError: error)
    }
  }
}

extension CassettePlayer {
  /// A `URLSession` whose requests are answered by this player, for code that takes a
  /// session rather than a transport.
  ///
  /// The session keeps the player alive for as long as the session exists (a client still
  /// polling after its test, or `CassettePlayer(...).makeURLSession()` kept on its own), and
  /// sessions of different players never mix, even in parallel tests. The session's delegate
  /// is Tape's, and it has no URL cache: every request reaches the player (a cache was
  /// only a lookup on a background queue per request, since Tape's protocol never answers
  /// from it).
  public func makeURLSession(configuration: URLSessionConfiguration = .ephemeral) -> URLSession {
    let (lease, protocolClass) = ProtocolSlots.lease(for: self)
    configuration.protocolClasses = [protocolClass] + (configuration.protocolClasses ?? [])
    configuration.urlCache = nil
    return URLSession(configuration: configuration, delegate: lease, delegateQueue: nil)
  }
}
