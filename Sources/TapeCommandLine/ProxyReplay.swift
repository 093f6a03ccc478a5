import Foundation
import Tape
import TapeServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape proxy --record once` when the cassette exists: as VCR's and WireMock's `once`, the
/// proxy replays the cassette on the port asked for and forwards nothing. A request the
/// cassette does not answer gets 404 with the near-miss report (as `tape serve` answers it),
/// which is printed too; `newEpisodes` is the mode that forwards and appends. Ctrl-C stops
/// it (exit 0) and the cassette is left as it is.
enum ProxyReplay {
  static func run(
    _ cassette: Cassette, path: String, upstream: String, port: UInt16,
    tenants: [TenantIdentifier], redactor: Redactor, portFile: PortFile,
    print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void,
    until: @Sendable () async -> Void
  ) async -> CommandOutcome {
    let player: CassettePlayer
    do {
      player = try CassettePlayer(
        cassette: cassette, source: path,
        configuration: ReplayConfiguration(
          matchers: [.method, .path, .query, .body], tenantIdentifiers: tenants,
          redactor: redactor))
    } catch {
      return .unusable(error.description)
    }
    // The requests are made for the upstream, as the recorded ones were (the host is not
    // matched); nothing goes there.
    let recordedFor = URL(string: upstream).flatMap { url in
      ["http", "https"].contains(url.scheme?.lowercased() ?? "") && url.host != nil ? url : nil
    }
    let proxy: ForwardingProxy
    do {
      proxy = try ForwardingProxy.start(
        upstream: recordedFor ?? URL(string: "http://127.0.0.1")!, port: port,
        transport: PlainHTTPTransport(), replaying: player,
        unmatched: .notFound(report: { text in report(text) }))
    } catch {
      return .unusable("cannot listen on 127.0.0.1:\(port): \(error)")
    }
    if let problem = portFile.publish(proxy.baseURL) {
      await proxy.stop()
      return .unusable(problem)
    }
    defer { portFile.remove() }
    let count = cassette.interactions.count
    print("tape proxy listening on \(proxy.baseURL.absoluteString)\n")
    report(
      "replaying \(path) "
        + "(\(count) interaction\(count == 1 ? "" : "s"); record mode once, and the cassette "
        + "exists)\n"
        + "A request the cassette does not answer gets 404 with the near-miss report; nothing "
        + "is forwarded to \(upstream) (--record newEpisodes forwards and appends).\n"
        + "\nCtrl-C stops it; the cassette is left as it is.\n")
    await until()
    await proxy.stop()
    let counts = proxy.requestCounts
    return CommandOutcome(
      counts.unmatched > 0 ? .negative : .success,
      errorOutput: "replayed \(counts.replayed) request\(counts.replayed == 1 ? "" : "s"); "
        + "\(counts.unmatched) matched nothing (answered 404); \(path) left as it was\n")
  }
}
