import Foundation

/// What polling does after a failed request.
enum PollRetry: Equatable {
  /// Give up: the error is the answer (a refused signature, a 403, a 4xx, bad JSON).
  case final
  /// Throttled: wait what the answer asked for, or back off.
  case throttled(retryAfter: Duration?)
  /// Worth another try after a backoff: a 5xx other than 501, a lost connection.
  case transient

  /// Classifies a client error.
  static func classify(_ error: ProgressClientError) -> PollRetry {
    switch error {
    case .service(_, let cloudError, let retryAfter):
      if cloudError.isThrottled { return .throttled(retryAfter: retryAfter) }
      if (500...599).contains(cloudError.httpStatus), cloudError.httpStatus != 501 {
        return .transient
      }
      return .final
    case .transport(_, let code?, _):
      return transientCodes.contains(code) ? .transient : .final
    case .transport(_, nil, _):
      return .final
    default:
      return .final
    }
  }

  /// Connection failures that a later attempt may not meet.
  static let transientCodes: Set<URLError.Code> = [
    .networkConnectionLost, .timedOut, .cannotConnectToHost, .notConnectedToInternet,
    .cannotFindHost, .dnsLookupFailed, .badServerResponse, .resourceUnavailable,
  ]
}
