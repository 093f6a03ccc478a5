import CloudProgress
import JSONTree

/// The error bodies a session answers with, in the shapes the gateway and the services use.
enum ErrorAnswers {
  /// 429 `APIG.0308`.
  static let throttled = gateway(
    "APIG.0308",
    "The throttling threshold has been reached: policy user over ratelimit,limit:40,time:1 minute")
  /// 401 `APIG.0301` for an expired token (Check says it its own way).
  static func tokenExpired(_ api: CloudAPI) -> String {
    api == .check
      ? gateway("CC.00000003", "Authentication information expired.")
      : gateway("APIG.0301", "Incorrect token or token expires.")
  }
  /// 403: the user may no longer call the API.
  static let forbidden = gateway(
    "APIG.0302", "The IAM or app authentication failed: the user has no permission.")

  /// A 5xx body.
  static func serverError(_ status: Int) -> String {
    status == 500
      ? gateway("APIG.0201", "Backend unavailable.")
      : gateway("APIG.1000", "Bad gateway or timeout.")
  }

  /// 501: CPTS documents a bare string, the others the gateway's shape.
  static func notImplemented(_ api: CloudAPI) -> String {
    api == .cpts ? "\"Not Implemented\"" : gateway("APIG.1009", "Not implemented.")
  }

  private static func gateway(_ code: String, _ message: String) -> String {
    JSONValue.object([
      JSONMember("error_code", .string(code)), JSONMember("error_msg", .string(message)),
      JSONMember("request_id", .string("0000000000000000fuzz000000000000")),
    ]).serialized()
  }
}
