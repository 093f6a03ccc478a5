/// The code that answers one request: called once per request, concurrently for requests on
/// different connections, in order for the requests of one connection.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse
