/// The code that answers one request: called once per request, concurrently for requests on
/// different connections, in order for the requests of one connection.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

/// A handler that answers on the connection's own thread and may block it (each connection
/// has a thread of its own): no hop to another thread and back, for handlers that do
/// blocking I/O anyway, such as a forwarding proxy's upstream exchange.
public typealias BlockingHTTPHandler = @Sendable (HTTPRequest) -> HTTPResponse

/// How a server's requests are answered.
enum RequestHandling: Sendable {
  /// On ``HandlerExecutor``, the connection thread waiting.
  case async(HTTPHandler)
  /// On the connection thread itself.
  case blocking(BlockingHTTPHandler)
}
