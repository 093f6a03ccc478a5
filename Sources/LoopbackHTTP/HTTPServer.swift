import Foundation

/// An HTTP/1.1 server on a loopback address, for tests and simulators.
///
/// ```swift
/// let server = try HTTPServer.start { request in
///   .json(text: #"{"path": "\(request.path)"}"#)
/// }
/// // ... talk to server.baseURL ...
/// await server.stop()
/// ```
///
/// Each connection is served by its own thread with blocking socket calls, so a slow client
/// never holds the Swift concurrency pool; the handler runs on the pool, one request of a
/// connection at a time. See ``HTTPServerConfiguration`` for the limits and timeouts.
public final class HTTPServer: Sendable {
  /// The configuration in force, values brought into range.
  public let configuration: HTTPServerConfiguration
  /// The port the server listens on: the one the system picked when 0 was asked for.
  public let port: UInt16
  /// `http://HOST:PORT`, such as `http://127.0.0.1:49152`.
  public let baseURL: URL

  private let core: ServerCore

  private init(core: ServerCore, baseURL: URL) {
    self.core = core
    self.configuration = core.configuration
    self.port = core.listener.port
    self.baseURL = baseURL
  }

  /// Binds, listens and starts accepting connections, answering each request with
  /// `handler`; returns once connections can be made.
  public static func start(
    configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    handler: @escaping HTTPHandler
  ) throws(HTTPServerError) -> HTTPServer {
    try start(configuration: configuration, handling: .async(handler))
  }

  /// Binds, listens and starts accepting connections, answering each request with
  /// `blockingHandler` on the connection's own thread, which it may block; returns once
  /// connections can be made.
  public static func start(
    configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    blockingHandler: @escaping BlockingHTTPHandler
  ) throws(HTTPServerError) -> HTTPServer {
    try start(configuration: configuration, handling: .blocking(blockingHandler))
  }

  private static func start(
    configuration: HTTPServerConfiguration, handling handler: RequestHandling
  ) throws(HTTPServerError) -> HTTPServer {
    let configuration = configuration.normalized
    let listener = try ListeningSocket.open(
      host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
    guard let stopPipe = WakeupPipe.open() else {
      listener.close()
      throw .socketFailure(operation: "pipe", errno: errno)
    }
    guard let slotPipe = WakeupPipe.open() else {
      listener.close()
      stopPipe.close()
      throw .socketFailure(operation: "pipe", errno: errno)
    }
    let address = SocketAddress(host: configuration.host, port: listener.port)
    guard let baseURL = URL(string: "http://\(address)") else {
      listener.close()
      stopPipe.close()
      slotPipe.close()
      throw .invalidHost(configuration.host)
    }
    let core = ServerCore(
      configuration: configuration, handler: handler, listener: listener, stopPipe: stopPipe,
      slotPipe: slotPipe)
    guard DedicatedThread.start(stackSize: 256 * 1024, { AcceptLoop.run(core: core) }) else {
      listener.close()
      throw .threadStartFailure
    }
    return HTTPServer(core: core, baseURL: baseURL)
  }

  deinit {
    core.beginStop()
  }

  /// Whether shutdown has begun.
  public var isStopping: Bool { core.isStopping }

  /// The number of connections being served right now.
  public var activeConnections: Int { core.activeConnections }

  /// Begins a graceful shutdown and returns at once: no new connection is accepted, idle
  /// keep-alive connections close, requests already arriving or being handled are answered
  /// (with `Connection: close`). Later calls do nothing.
  public func beginStop() {
    core.beginStop()
  }

  /// Shuts down gracefully and returns once every connection is closed and the port is free.
  ///
  /// It waits for the handlers still running and for requests still arriving (at most the
  /// request read timeout). Dropping the last reference to a server that was not stopped
  /// begins the same shutdown without waiting for it.
  public func stop() async {
    core.beginStop()
    await core.waitUntilStopped()
  }
}
