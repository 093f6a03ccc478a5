/// The protocol version of a request line, such as `HTTP/1.1`.
public struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
  /// The major version: always 1 for a request the server accepts.
  public var major: Int
  /// The minor version: 0 or 1 (a later 1.x is served as 1.1).
  public var minor: Int

  /// Creates a version from its two numbers.
  public init(major: Int, minor: Int) {
    self.major = major
    self.minor = minor
  }

  /// HTTP/1.0: connections close after each exchange unless the client asks for keep-alive.
  public static let http10 = HTTPVersion(major: 1, minor: 0)
  /// HTTP/1.1: connections are persistent unless a side sends `Connection: close`.
  public static let http11 = HTTPVersion(major: 1, minor: 1)

  /// The version as written in a request line, such as `HTTP/1.1`.
  public var description: String { "HTTP/\(major).\(minor)" }
}
