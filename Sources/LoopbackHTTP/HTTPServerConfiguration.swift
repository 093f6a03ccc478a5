/// Where the server listens, how many connections it serves at once, and the limits that
/// keep a misbehaving client from holding it.
///
/// Values out of range are brought into range when the server starts (a limit below 1
/// becomes 1), never trapped on.
public struct HTTPServerConfiguration: Sendable {
  /// The numeric address to bind: `127.0.0.1` unless another one is asked for explicitly
  /// (`::1` for IPv6 loopback, `0.0.0.0` to listen on every interface).
  public var host: String
  /// The TCP port; 0 lets the system pick a free ephemeral port (see ``HTTPServer/port``).
  public var port: UInt16
  /// The most connections served at once. Beyond it, new connections wait in the kernel's
  /// accept backlog until a served connection closes (they are not refused).
  public var maxConnections: Int
  /// The length of the kernel's accept backlog (`listen(2)`).
  public var listenBacklog: Int
  /// The most bytes of request line plus header fields (and of a chunked body's trailer
  /// section); beyond it the answer is 431.
  public var maxHeadBytes: Int
  /// The most header fields in one request; beyond it the answer is 431.
  public var maxHeaderFields: Int
  /// The largest body, sent with `Content-Length` or chunked; beyond it the answer is 413.
  public var maxBodyBytes: Int
  /// How long a keep-alive connection may stay idle before the next request begins; then it
  /// is closed without an answer.
  public var idleTimeout: Duration
  /// How long a request may take to arrive in full, from its first byte to the end of its
  /// body; then the answer is 408 and the connection closes. A slow client cannot reset it
  /// by trickling bytes.
  public var requestReadTimeout: Duration
  /// How long one answer may take to be written while the client reads nothing; then the
  /// connection closes.
  public var writeTimeout: Duration
  /// Whether, with every slot taken, a new connection displaces (closes without an answer)
  /// the connection that has spent longest, at least half a second, on an unfinished request
  /// head: then clients trickling bytes cannot keep a well-behaved one out. A connection that
  /// has sent nothing is never displaced (a client opening 5,000 connections before writing
  /// on any is answered on each); the idle timeout closes it. Off by default; the cloud
  /// simulator turns it on.
  public var displacesSlowRequestHeads = false
  /// Shapes the answer to a request refused before it reaches the handler (400, 408, 413,
  /// 431, 501, 505), given the status and a one-line reason; the server keeps the status and
  /// closes the connection after it. Plain text when nil. A simulator uses it to answer
  /// those in its gateway's format, with its request id.
  public var rejectionResponse: (@Sendable (_ status: Int, _ reason: String) -> HTTPResponse)?

  /// Creates a configuration; every parameter has a default suited to a loopback simulator.
  public init(
    host: String = "127.0.0.1", port: UInt16 = 0, maxConnections: Int = 256,
    listenBacklog: Int = 256, maxHeadBytes: Int = 32 * 1024, maxHeaderFields: Int = 100,
    maxBodyBytes: Int = 8 * 1024 * 1024, idleTimeout: Duration = .seconds(5),
    requestReadTimeout: Duration = .seconds(10), writeTimeout: Duration = .seconds(10),
    rejectionResponse: (@Sendable (_ status: Int, _ reason: String) -> HTTPResponse)? = nil
  ) {
    self.host = host
    self.port = port
    self.maxConnections = maxConnections
    self.listenBacklog = listenBacklog
    self.maxHeadBytes = maxHeadBytes
    self.maxHeaderFields = maxHeaderFields
    self.maxBodyBytes = maxBodyBytes
    self.idleTimeout = idleTimeout
    self.requestReadTimeout = requestReadTimeout
    self.writeTimeout = writeTimeout
    self.rejectionResponse = rejectionResponse
  }

  /// The configuration with every value brought into its valid range.
  var normalized: HTTPServerConfiguration {
    var copy = self
    copy.maxConnections = max(1, maxConnections)
    copy.listenBacklog = min(max(1, listenBacklog), Int(Int32.max))
    copy.maxHeadBytes = max(64, maxHeadBytes)
    copy.maxHeaderFields = max(1, maxHeaderFields)
    copy.maxBodyBytes = max(0, maxBodyBytes)
    let shortest = Duration.milliseconds(1)
    copy.idleTimeout = max(shortest, idleTimeout)
    copy.requestReadTimeout = max(shortest, requestReadTimeout)
    copy.writeTimeout = max(shortest, writeTimeout)
    return copy
  }
}
