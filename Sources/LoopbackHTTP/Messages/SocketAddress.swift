/// The numeric address and port of a peer, such as `127.0.0.1` and `54321`.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
  /// The numeric host: dotted IPv4 (`127.0.0.1`) or IPv6 text (`::1`).
  public var host: String
  /// The TCP port.
  public var port: UInt16

  /// Creates an address from its host text and port.
  public init(host: String, port: UInt16) {
    self.host = host
    self.port = port
  }

  /// `host:port`, with an IPv6 host in brackets (`[::1]:8080`).
  public var description: String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
