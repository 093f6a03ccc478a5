import Foundation
import JSONTree

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The IAM password-token exchange: `POST /v3/auth/tokens`, answered 201 with the token in
/// `X-Subject-Token` and its expiry in the body's `token.expires_at`.
enum IdentityTokenRequest {
  /// The request for a token scoped to `projectID`.
  static func make(
    identity: URL, user: Secret, password: Secret, domain: Secret, projectID: String
  ) -> URLRequest {
    var request = URLRequest(url: identity.appending(path: "v3/auth/tokens"))
    request.httpMethod = "POST"
    request.setValue("application/json;charset=utf8", forHTTPHeaderField: "Content-Type")
    let body = JSONValue.object([
      JSONMember(
        "auth",
        .object([
          JSONMember(
            "identity",
            .object([
              JSONMember("methods", .array([.string("password")])),
              JSONMember(
                "password",
                .object([
                  JSONMember(
                    "user",
                    .object([
                      JSONMember("name", .string(user.revealed)),
                      JSONMember("password", .string(password.revealed)),
                      JSONMember("domain", .object([JSONMember("name", .string(domain.revealed))])),
                    ]))
                ])),
            ])),
          JSONMember(
            "scope",
            .object([JSONMember("project", .object([JSONMember("id", .string(projectID))]))])
          ),
        ]))
    ])
    request.httpBody = Data(body.serialized().utf8)
    return request
  }

  /// The token and its expiry from a 201 answer; nil when the answer holds no token.
  /// Without a readable `expires_at`, the documented lifetime of 24 hours is assumed.
  static func token(from data: Data, _ response: HTTPURLResponse, issuedAt now: Date)
    -> IssuedToken?
  {
    guard let value = response.value(forHTTPHeaderField: "X-Subject-Token"), !value.isEmpty
    else { return nil }
    let text = (try? JSONParser().parse(data))?["token"]?["expires_at"]?.stringValue
    let expiry = text.flatMap(parseDate) ?? now.addingTimeInterval(24 * 3600)
    return IssuedToken(value: Secret(value), issuedAt: now, expiresAt: expiry)
  }

  /// ISO 8601 with or without fractional seconds (IAM sends `…T02:33:51.123000Z`).
  private static func parseDate(_ text: String) -> Date? {
    if let date = try? Date(text, strategy: .iso8601) { return date }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }
}
