/// The documented error body of the five APIs and the API gateway:
/// `{"error_code": "DRS.10000010", "error_msg": "...", "request_id": "..."}`.
///
/// Codes are strings on the wire, some of them numeric (`"24010003"`). For a body of any
/// other shape (nested, `code` and `message`, a bare string) use ``CloudError``.
public struct ErrorBody: Hashable, Sendable, Codable {
  /// The error code (`error_code`), for example `CC.00000003` or `APIG.0301`.
  public var errorCode: String?
  /// The error message (`error_msg`).
  public var errorMessage: String?
  /// The gateway's request id (`request_id`), on gateway errors.
  public var requestID: String?

  /// Creates an error body.
  public init(errorCode: String? = nil, errorMessage: String? = nil, requestID: String? = nil) {
    self.errorCode = errorCode
    self.errorMessage = errorMessage
    self.requestID = requestID
  }

  private enum CodingKeys: String, CodingKey {
    case errorCode = "error_code"
    case errorMessage = "error_msg"
    case requestID = "request_id"
  }
}
