import CloudProgress
import Foundation

/// Why a client call failed. No case ever holds a credential.
public indirect enum ProgressClientError: Error, Sendable, CustomStringConvertible {
  /// The service answered with an error: status, code, message and request id.
  /// `retryAfter` is the answer's `Retry-After`, when it sent one.
  case service(operation: CloudAPI, error: CloudError, retryAfter: Duration?)
  /// IAM refused to issue a token.
  case identity(CloudError)
  /// A successful answer whose body does not decode: the operation, the JSON path of the
  /// value that could not be read, and why.
  case undecodableBody(operation: CloudAPI, path: String, reason: String, requestID: String?)
  /// The request did not get an answer (refused, dropped or timed-out connection).
  case transport(operation: CloudAPI?, code: URLError.Code?, message: String)
  /// The answer was a redirect (`status`, a 3xx) to another origin, which the transport
  /// did not follow: the request's credentials were not sent there. `origin` is where it
  /// pointed (`https://host[:port]`; its path and query are left out); `operation` is nil
  /// for the IAM token request.
  case crossOriginRedirect(operation: CloudAPI?, status: Int, origin: String)
  /// The client is not configured to make this call.
  case configuration(String)
  /// Polling gave up after this many failed attempts in a row; `last` is the last failure.
  case retriesExhausted(attempts: Int, last: ProgressClientError)
  /// Polling passed its deadline before the task finished; `last` is the last snapshot.
  case deadlineExceeded(after: Duration, last: TaskProgress?)

  /// The service's error answer, when there was one.
  public var cloudError: CloudError? {
    switch self {
    case .service(_, let error, _), .identity(let error): error
    case .retriesExhausted(_, let last): last.cloudError
    default: nil
    }
  }

  /// The `X-Request-Id` of the failed answer, when there was one.
  public var requestID: String? {
    switch self {
    case .undecodableBody(_, _, _, let id): id
    default: cloudError?.requestID
    }
  }

  /// `drs: HTTP 400 DRS.10000010: Job does not exist… (request 7e1d…)`.
  public var description: String {
    switch self {
    case .service(let operation, let error, _): "\(operation): \(error)"
    case .identity(let error): "IAM token request: \(error)"
    case .undecodableBody(let operation, let path, let reason, let requestID):
      "\(operation): the answer does not decode at \(path): \(reason)"
        + (requestID.map { " (request \($0))" } ?? "")
    case .transport(let operation, _, let message):
      (operation.map { "\($0): " } ?? "") + "no answer: \(message)"
    case .crossOriginRedirect(let operation, let status, let origin):
      (operation.map { "\($0): " } ?? "IAM token request: ")
        + "HTTP \(status) redirect to another origin, \(origin), not followed: the "
        + "credentials were not sent there"
    case .configuration(let message): "configuration: \(message)"
    case .retriesExhausted(let attempts, let last): "gave up after \(attempts) attempts: \(last)"
    case .deadlineExceeded(let after, let last):
      "deadline of \(after) passed" + (last.map { "; last seen: \($0)" } ?? "")
    }
  }
}
