import CloudProgress
import Foundation

/// What polling does after a failed request.
enum PollRetry: Equatable {
  /// Give up: the error is the answer (a refused signature, a 403, a 4xx, bad JSON).
  case final
  /// Throttled: wait what the answer asked for, or back off.
  case throttled(retryAfter: Duration?)
  /// Worth another try after a backoff (at least `retryAfter` when the answer sent one):
  /// a 5xx other than 501, a lost connection.
  case transient(retryAfter: Duration?)

  /// Classifies a client error.
  static func classify(_ error: ProgressClientError) -> PollRetry {
    switch error {
    case .service(_, let cloudError, let retryAfter):
      return classify(cloudError, retryAfter: retryAfter)
    case .identity(let cloudError):
      // IAM's own throttling and outages pass like the services'; a refused password not.
      return classify(cloudError, retryAfter: nil)
    case .transport(_, let code?, _):
      return transientCodes.contains(code) ? .transient(retryAfter: nil) : .final
    case .transport(_, nil, _):
      return .final
    default:
      return .final
    }
  }

  private static func classify(_ error: CloudError, retryAfter: Duration?) -> PollRetry {
    if error.isThrottled { return .throttled(retryAfter: retryAfter) }
    if (500...599).contains(error.httpStatus), error.httpStatus != 501 {
      return .transient(retryAfter: retryAfter)
    }
    return .final
  }

  /// Connection failures that a later attempt may not meet.
  static let transientCodes: Set<URLError.Code> = [
    .networkConnectionLost, .timedOut, .cannotConnectToHost, .notConnectedToInternet,
    .cannotFindHost, .dnsLookupFailed, .badServerResponse, .resourceUnavailable,
  ]
}
