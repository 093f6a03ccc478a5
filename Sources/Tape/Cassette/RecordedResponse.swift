/// A response as a cassette stores it.
public struct RecordedResponse: Hashable, Sendable {
  /// The HTTP status code.
  public var status: Int
  /// The header fields (secrets already redacted), in canonical order.
  public var headers: HeaderFields
  /// The body, if any.
  public var body: RecordedBody?

  /// Creates a recorded response.
  public init(status: Int, headers: HeaderFields = [:], body: RecordedBody? = nil) {
    self.status = status
    self.headers = headers.canonicallySorted
    self.body = body
  }
}
