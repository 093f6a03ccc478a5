import Foundation
import LoopbackHTTP

/// A local stand-in for the five cloud endpoints and IAM, over real HTTP on 127.0.0.1: tasks
/// that progress as they are polled, token and AK/SK authentication, the documented errors,
/// a rate limit and injected faults.
///
/// ```
/// let simulator = try CloudSimulator.start(scenario: .standard)
/// defer { simulator.beginStop() }
/// // point the client at simulator.baseURL
/// ```
public final class CloudSimulator: Sendable {
  /// The scenario being served.
  public let scenario: SimulatorScenario
  /// Where it listens: `http://127.0.0.1:PORT`.
  public let baseURL: URL
  private let server: HTTPServer

  private init(scenario: SimulatorScenario, server: HTTPServer) {
    self.scenario = scenario
    self.server = server
    self.baseURL = server.baseURL
  }

  /// Starts serving `scenario` on 127.0.0.1 (`port` 0 picks a free one).
  public static func start(
    scenario: SimulatorScenario = .standard, port: UInt16 = 0, clock: SimulatorClock = .system
  ) throws(HTTPServerError) -> CloudSimulator {
    let handler = SimulatorHandler(scenario: scenario, clock: clock)
    let server = try HTTPServer.start(
      configuration: configuration(port: port, handler: handler),
      handler: { request in await handler.respond(to: request) })
    return CloudSimulator(scenario: scenario, server: server)
  }

  /// The server settings: slow clients still sending a request head are displaced when
  /// every slot is taken, so they cannot keep a well-behaved client out.
  private static func configuration(port: UInt16, handler: SimulatorHandler)
    -> HTTPServerConfiguration
  {
    var configuration = HTTPServerConfiguration(
      port: port,
      rejectionResponse: { status, reason in handler.reject(status: status, reason: reason) })
    configuration.displacesSlowRequestHeads = true
    return configuration
  }

  /// Stops accepting, finishes the requests in flight, and frees the port.
  public func stop() async {
    await server.stop()
  }

  /// Starts stopping without waiting.
  public func beginStop() {
    server.beginStop()
  }
}
