import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Records a request that reached Tape's URLProtocol in a recording `URLSession`: the
/// protocol only captures and delivers; sending and recording go through the recording's
/// ``RecordingTransport``, the same path as a test that records through the player's
/// transport, so the trait's `upstream:` (another host, a stand-in, a client certificate)
/// is what a recording session sends through too.
///
/// Every URLSession's work runs on one process-wide serial queue, where `startLoading`
/// runs too. Sending from there traps or hangs, and calling the outer client from another
/// thread crashes (README: "URLSession on Linux"). So the exchange runs in a task of its own,
/// off that queue, and its answer is delivered back *on the shared queue*: the task
/// enqueues the delivery and kicks a ``Trampoline``, whose protocol's `startLoading` (on
/// the shared queue) runs it. Cancelling the URLSession task cancels that task, and with
/// it the request upstream: nothing is delivered, and nothing is recorded.
///
/// The cassette stores the request as the caller made it: what a session adds on the wire
/// (`Accept-Encoding`, `User-Agent`...) is added below this point.
enum SessionRecording {
  /// The methods whose body a URLProtocol must see to record them faithfully.
  private static let bodyMethods: Set<String> = ["POST", "PUT", "PATCH"]

  /// Starts sending the loader's request through `recording`; stopping the returned answer
  /// cancels it.
  static func start(_ loader: URLProtocol, recording: RecordingSetup) -> PendingAnswer? {
    if let refusal = Trampoline.refusal {
      loader.client?.urlProtocol(loader, didFailWithError: refusal)
      return nil
    }
    let request = loader.request
    if bodyMethods.contains(request.httpMethod ?? "GET"), request.httpBody == nil,
      request.httpBodyStream == nil
    {
      // An upload(for:from:) body is invisible here, and the transport would send the
      // request with an empty body: refuse rather than record something that never happened.
      let method = request.httpMethod ?? "POST"
      let problem = RecordingError(
        file: request.url?.absoluteString ?? "request",
        problem: .unrecordable(
          "this \(method) has no body a URLProtocol can see (a body given to "
            + "upload(for:from:) is invisible to it, and would be sent empty); set httpBody "
            + "on the URLRequest, or record through RecordingTransport"))
      loader.client?.urlProtocol(
        loader,
        didFailWithError: URLError(
          .cancelled, userInfo: [NSLocalizedDescriptionKey: problem.description]))
      return nil
    }
    let pending = PendingAnswer()
    let box = UncheckedBox(loader)
    let transport = recording.transport
    // A body set as a stream is read once, here, so that the transport gets it as data.
    var sent = request
    if request.httpBody == nil, request.httpBodyStream != nil {
      sent.httpBody = RequestSnapshot.body(of: request)
      sent.httpBodyStream = nil
    }
    let outgoing = sent
    pending.task = Task.detached {
      let result: Result<(Data, HTTPURLResponse), any Error>
      do {
        result = .success(try await transport.send(outgoing))
      } catch {
        result = .failure(error)
      }
      Trampoline.shared.run {
        guard !pending.isStopped else { return }
        let loader = box.value
        guard let client = loader.client else { return }
        switch result {
        case .success(let (body, response)):
          client.urlProtocol(loader, didReceive: response, cacheStoragePolicy: .notAllowed)
          if !body.isEmpty { client.urlProtocol(loader, didLoad: body) }
          client.urlProtocolDidFinishLoading(loader)
        case .failure(let error):
          client.urlProtocol(loader, didFailWithError: error)
        }
      }
    }
    return pending
  }
}

/// A value handed across threads whose use is confined by construction (here: a URLProtocol
/// touched only on URLSession's shared queue).
struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
