import Foundation
import Synchronization
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking

  /// The trampoline runs work on URLSession's shared queue, and only there: calling a
  /// URLProtocol's client from any other thread crashes corelibs.
  @Suite("Trampoline: work runs on URLSession's shared queue")
  struct TrampolineTests {
    /// While a protocol's `startLoading` holds the shared queue, work handed to the
    /// trampoline from another thread must wait: it runs once `startLoading` returns.
    @Test(
      "work given to the trampoline waits for the shared queue, then runs", .timeLimit(.minutes(1)))
    func waitsForSharedQueue() async throws {
      // Made first: making it waits for the shared queue, which would hide the test's point.
      _ = Trampoline.shared
      let probe = HoldingProtocol.Probe()
      let id = UUID().uuidString
      HoldingProtocol.probes.withLock { $0[id] = probe }
      defer { _ = HoldingProtocol.probes.withLock { $0.removeValue(forKey: id) } }
      let configuration = URLSessionConfiguration.ephemeral
      configuration.protocolClasses = [HoldingProtocol.self]
      let session = URLSession(configuration: configuration)
      let (data, _) = try await session.data(from: URL(string: "tape-holding://probe/\(id)")!)
      #expect(String(decoding: data, as: UTF8.self) == "held")
      #expect(probe.ranWhileHeld.withLock { $0 } == false)
      await probe.ran.first { _ in true }
    }
  }

  /// A protocol whose `startLoading` hands work to a trampoline from a global queue, then
  /// holds the shared queue for a while: the work must not run meanwhile.
  final class HoldingProtocol: URLProtocol {
    /// What one request's work did.
    final class Probe: Sendable {
      let ranWhileHeld = Mutex<Bool?>(nil)
      let (ran, ranContinuation) = AsyncStream<Void>.makeStream()
    }

    static let probes = Mutex<[String: Probe]>([:])

    override class func canInit(with request: URLRequest) -> Bool {
      request.url?.scheme == "tape-holding"
    }

    override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }

    override func startLoading() {
      let id = request.url?.lastPathComponent ?? ""
      guard let probe = Self.probes.withLock({ $0[id] }) else { return }
      let running = DispatchSemaphore(value: 0)
      DispatchQueue.global().async {
        Trampoline.shared.run {
          running.signal()
          probe.ranContinuation.yield()
        }
      }
      // Held for up to half a second: work that ran off the shared queue signals meanwhile.
      let ranEarly = running.wait(timeout: .now() + .milliseconds(500)) == .success
      probe.ranWhileHeld.withLock { $0 = ranEarly }
      let response = HTTPURLResponse(
        url: request.url!, statusCode: 200, httpVersion: "HTTP/1.1", headerFields: [:])!
      client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
      client?.urlProtocol(self, didLoad: Data("held".utf8))
      client?.urlProtocolDidFinishLoading(self)
    }

    override func stopLoading() {}
  }
#endif
