import Foundation

/// Why a request's SDK-HMAC-SHA256 signature was refused.
///
/// A gateway answers ``clockSkew(_:)`` with `APIGW.0303` and every other failure with
/// HTTP 401 `APIG.0301`.
public enum SDKVerificationFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// The request has no `Authorization` header.
  case missingAuthorization
  /// The `Authorization` header names SDK-HMAC-SHA256 but is not well formed.
  case malformedAuthorization(MalformedAuthorizationReason)
  /// The `Authorization` header uses another scheme; its first word.
  case unsupportedAlgorithm(String)
  /// No secret key is known for this access key.
  case unknownAccessKey(String)
  /// `SignedHeaders` lacks a header every signature must cover: `host` or `x-sdk-date`.
  case requiredHeaderNotSigned(String)
  /// A header listed in `SignedHeaders` is not in the request.
  case signedHeaderMissing(String)
  /// `X-Sdk-Date` is not a `YYYYMMDDTHHMMSSZ` time; its value.
  case malformedTimestamp(String)
  /// The signing time is too far from now: now minus the signing time, in seconds
  /// (positive when the request is older than now, negative when it is from the future).
  case clockSkew(TimeInterval)
  /// The signature does not match the request.
  case signatureMismatch

  /// What went wrong, in a sentence.
  public var description: String {
    switch self {
    case .missingAuthorization:
      "the request has no Authorization header"
    case .malformedAuthorization(let reason):
      "malformed Authorization header: \(reason)"
    case .unsupportedAlgorithm(let scheme):
      "unsupported Authorization scheme \(LogText.quoted(scheme)); "
        + "expected \(SDKSigningAlgorithm.name)"
    case .unknownAccessKey(let accessKey):
      "unknown access key \(LogText.quoted(accessKey))"
    case .requiredHeaderNotSigned(let name):
      "SignedHeaders must include \(name)"
    case .signedHeaderMissing(let name):
      "the signed header \(name) is not in the request"
    case .malformedTimestamp(let value):
      "X-Sdk-Date \(LogText.quoted(value)) is not a YYYYMMDDTHHMMSSZ time"
    case .clockSkew(let difference):
      difference >= 0
        ? "X-Sdk-Date is \(Self.seconds(difference)) in the past, beyond the allowed skew"
        : "X-Sdk-Date is \(Self.seconds(-difference)) in the future, beyond the allowed skew"
    case .signatureMismatch:
      "the signature does not match the request"
    }
  }

  private static func seconds(_ interval: TimeInterval) -> String {
    interval.isFinite ? "\(Int64(interval.rounded(.down))) s" : "\(interval) s"
  }
}
