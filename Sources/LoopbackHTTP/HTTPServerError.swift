/// Why a server could not start.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The configured host is not a numeric IPv4 or IPv6 address.
  case invalidHost(String)
  /// A socket call failed; `operation` names it (`bind`, `listen`, ...), `errno` says why.
  case socketFailure(operation: String, errno: Int32)
  /// The system refused to start the thread that accepts connections.
  case threadStartFailure

  /// What went wrong, with the system's message for an errno.
  public var description: String {
    switch self {
    case .invalidHost(let host):
      "\"\(host)\" is not a numeric IPv4 or IPv6 address"
    case .socketFailure(let operation, let errno):
      "\(operation) failed: \(SystemError.message(errno)) (errno \(errno))"
    case .threadStartFailure:
      "could not start the accepting thread"
    }
  }
}
