import CloudProgress
import Foundation
import LoopbackHTTP

/// The error answers of the gateway and the five services, in their documented shapes:
/// `{"error_code", "error_msg", "request_id"}`. Codes the documentation does not give for a
/// case (an unknown Check task, say) are the simulator's own, in the service's style.
enum GatewayError {
  static func body(status: Int, code: String, message: String, requestID: String) -> HTTPResponse {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let body = ErrorBody(errorCode: code, errorMessage: message, requestID: requestID)
    return .json((try? encoder.encode(body)) ?? Data(), status: status)
  }

  static func unknownRoute(_ method: String, _ path: String, requestID: String) -> HTTPResponse {
    body(
      status: 404, code: "APIG.0101",
      message:
        "The API does not exist or has not been published in the environment: \(method) \(path)",
      requestID: requestID)
  }

  static func unauthorized(_ reason: String, requestID: String) -> HTTPResponse {
    body(
      status: 401, code: "APIG.0301",
      message: "Incorrect IAM authentication information: \(reason)", requestID: requestID)
  }

  static func clockSkew(_ seconds: TimeInterval, requestID: String) -> HTTPResponse {
    body(
      status: 401, code: "APIGW.0303",
      message:
        "Incorrect app authentication information: the request time is \(Int(seconds.magnitude)) s off the gateway's",
      requestID: requestID)
  }

  static func throttled(_ limit: SimulatorScenario.RateLimit, requestID: String) -> HTTPResponse {
    body(
      status: 429, code: "APIG.0308",
      message:
        "The throttling threshold has been reached: policy user over ratelimit,limit:\(limit.requests),time:\(limit.seconds) second",
      requestID: requestID)
  }

  static func missingHeader(_ api: CloudAPI, _ name: String, requestID: String) -> HTTPResponse {
    let code = api == .insight ? "24010043" : "DQC.0001"
    return body(
      status: 400, code: code, message: "The request header \(name) is missing.",
      requestID: requestID)
  }

  /// The documented answer to an id the service does not know.
  static func unknownTask(_ api: CloudAPI, id: String, requestID: String) -> HTTPResponse {
    switch api {
    case .cpts:
      .text("unknown error", status: 501)
    case .insight:
      body(
        status: 404, code: "24010003", message: "The import task \(id) does not exist.",
        requestID: requestID)
    case .quality:
      body(
        status: 400, code: "DQC.0002", message: "The resource \(id) does not exist.",
        requestID: requestID)
    case .drs:
      body(
        status: 400, code: "DRS.10000010", message: "Job does not exist, please check job ID.",
        requestID: requestID)
    case .check:
      body(
        status: 400, code: "CC.00000001", message: "The task \(id) does not exist.",
        requestID: requestID)
    }
  }
}
