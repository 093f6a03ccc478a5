import CloudSigning
import Foundation
import LoopbackHTTP

/// Checks the credentials of a service request: an `X-Auth-Token` the simulator issued and
/// that has not expired, or a valid `SDK-HMAC-SHA256` signature within 15 minutes of now.
struct RequestAuthenticator: Sendable {
  let world: SimulatorWorld
  let verifier: SDKSignatureVerifier

  init(world: SimulatorWorld, scenario: SimulatorScenario) {
    self.world = world
    let keys = Dictionary(
      scenario.accessKeys.map { ($0.accessKey, $0.secretKey) },
      uniquingKeysWith: { first, _ in first })
    self.verifier = SDKSignatureVerifier(secretKeys: keys)
  }

  /// Nil when the request may go on, else the 401 answer.
  func refusal(of request: HTTPRequest, at now: Date, requestID: String) -> HTTPResponse? {
    if let token = request.headers["X-Auth-Token"] {
      guard let expiry = world.expiry(of: token) else {
        return GatewayError.unauthorized(
          "Incorrect token or token resolution failed", requestID: requestID)
      }
      guard expiry > now else {
        return GatewayError.unauthorized("The token expires.", requestID: requestID)
      }
      return nil
    }
    guard request.headers["Authorization"] != nil else {
      return GatewayError.unauthorized(
        "no X-Auth-Token and no SDK-HMAC-SHA256 Authorization header", requestID: requestID)
    }
    let signable = SignableRequest(
      method: request.method, target: request.target,
      headers: request.headers.fields.map { (name: $0.name, value: $0.value) }, body: request.body)
    switch verifier.verify(signable, now: now) {
    case .success: return nil
    case .failure(.clockSkew(let seconds)):
      return GatewayError.clockSkew(seconds, requestID: requestID)
    case .failure(let failure):
      return GatewayError.unauthorized(
        "verify aksk signature fail: \(failure)", requestID: requestID)
    }
  }
}
