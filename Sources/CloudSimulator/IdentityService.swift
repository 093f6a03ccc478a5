import Foundation
import JSONTree
import LoopbackHTTP

/// `POST /v3/auth/tokens`, as IAM answers it: a password for a token, which comes back in
/// the `X-Subject-Token` header with a 201.
struct IdentityService: Sendable {
  let world: SimulatorWorld
  let scenario: SimulatorScenario

  func issueToken(for request: HTTPRequest, at now: Date, requestID: String) -> HTTPResponse {
    guard let document = try? JSONParser().parse(request.body),
      let user = document["auth"]?["identity"]?["password"]?["user"],
      let name = user["name"]?.stringValue, let password = user["password"]?.stringValue
    else {
      return Self.error(
        400, "Bad Request",
        "The request body must hold auth.identity.password.user.name and password.", requestID)
    }
    guard scenario.accounts.contains(where: { $0.user == name && $0.password == password }) else {
      return Self.error(401, "Unauthorized", "The username or password is wrong.", requestID)
    }
    let expiry = now.addingTimeInterval(scenario.tokenLifetimeSeconds)
    let token = world.issueToken(expiring: expiry)
    let body = JSONValue.object([
      JSONMember(
        "token",
        .object([
          JSONMember("expires_at", .string(expiry.formatted(.iso8601))),
          JSONMember("issued_at", .string(now.formatted(.iso8601))),
          JSONMember("methods", .array([.string("password")])),
          JSONMember("user", .object([JSONMember("name", .string(name))])),
        ]))
    ])
    var response = HTTPResponse.json(text: body.serialized(), status: 201)
    response.headers["X-Subject-Token"] = token
    return response
  }

  /// IAM's own error shape: `{"error": {"code": 401, "message": ..., "title": ...}}`.
  private static func error(_ status: Int, _ title: String, _ message: String, _ requestID: String)
    -> HTTPResponse
  {
    let body = JSONValue.object([
      JSONMember(
        "error",
        .object([
          JSONMember("code", .number(String(status))), JSONMember("message", .string(message)),
          JSONMember("title", .string(title)),
        ]))
    ])
    return .json(text: body.serialized(), status: status)
  }
}
