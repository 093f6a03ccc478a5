import CloudProgress
import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Obtains and caches the IAM token of password credentials: one request at a time, renewed
/// before it expires, dropped when the service says it expired.
actor TokenSource {
  private let user: Secret
  private let password: Secret
  private let domain: Secret
  private let projectID: String
  private let endpoints: ServiceEndpoints
  private let transport: any HTTPTransport
  private let clock: ClientClock
  private let margin: TimeInterval
  private var cached: IssuedToken?
  private var pending: Task<IssuedToken, any Error>?
  /// How many tokens were issued to this source (for tests and diagnostics).
  private(set) var issuedCount = 0

  init(
    user: Secret, password: Secret, domain: Secret, projectID: String,
    endpoints: ServiceEndpoints, transport: any HTTPTransport, clock: ClientClock,
    margin: TimeInterval
  ) {
    self.user = user
    self.password = password
    self.domain = domain
    self.projectID = projectID
    self.endpoints = endpoints
    self.transport = transport
    self.clock = clock
    self.margin = margin
  }

  /// A token valid now, fetching one when none is cached or the cached one is due.
  func token() async throws -> Secret {
    if let cached, !cached.needsRenewal(at: clock.now(), margin: margin) { return cached.value }
    if let pending { return try await pending.value.value }
    let task = Task { try await self.fetch() }
    pending = task
    defer { pending = nil }
    let issued = try await task.value
    cached = issued
    issuedCount += 1
    return issued.value
  }

  /// Forgets `token` if it is the cached one (the service said it expired).
  func invalidate(_ token: Secret) {
    if cached?.value == token { cached = nil }
  }

  private func fetch() async throws -> IssuedToken {
    let request = IdentityTokenRequest.make(
      identity: try endpoints.identityURL(), user: user, password: password, domain: domain,
      projectID: projectID)
    let now = clock.now()
    let (data, response) = try await ProgressClient.exchange(request, on: transport, for: nil)
    guard (200..<300).contains(response.statusCode),
      let issued = IdentityTokenRequest.token(from: data, response, issuedAt: now)
    else {
      let error = CloudError(
        httpStatus: response.statusCode,
        requestID: response.value(forHTTPHeaderField: "X-Request-Id"), body: data)
      throw ProgressClientError.identity(
        CloudCredentials.passwordToken(user: user, password: password, domain: domain)
          .scrub(error))
    }
    return issued
  }
}
