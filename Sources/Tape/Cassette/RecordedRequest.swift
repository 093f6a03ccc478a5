/// A request as a cassette stores it.
public struct RecordedRequest: Hashable, Sendable {
  /// The HTTP method, upper case.
  public var method: String
  /// The absolute URL.
  public var url: String
  /// The header fields (secrets already redacted), in canonical order.
  public var headers: HeaderFields
  /// The body, if any.
  public var body: RecordedBody?

  /// Creates a recorded request.
  public init(method: String, url: String, headers: HeaderFields = [:], body: RecordedBody? = nil) {
    self.method = method
    self.url = url
    self.headers = headers.canonicallySorted
    self.body = body
  }
}
