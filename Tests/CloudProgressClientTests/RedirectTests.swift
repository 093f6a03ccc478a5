import CloudProgress
import CloudProgressClient
import Foundation
import HTTPTransportCore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A transport answering every request with a redirect to `location`, as a transport that
/// did not follow it hands it over; it keeps what it was sent.
private struct RedirectAnswer: HTTPTransport {
  let status: Int
  let location: String
  let log = TransportLog()

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    log.append(request)
    let response = HTTPURLResponse(
      url: request.url!, statusCode: status, httpVersion: "HTTP/1.1",
      headerFields: ["Location": location, "Content-Type": "text/html"])!
    return (Data("<a href=\"\(location)\">moved</a>".utf8), response)
  }
}

@Suite("Client: redirect answers")
struct RedirectTests {
  static let gateway = URL(string: "https://gateway.example.com")!

  @Test(
    "a redirect to another origin throws crossOriginRedirect naming that origin, not the path",
    arguments: [
      (302, "https://elsewhere.example:8443/collect?token=1", "https://elsewhere.example:8443"),
      (307, "http://gateway.example.com/v1/p/tasks", "http://gateway.example.com"),
      (301, "https://gateway.example.com:444/", "https://gateway.example.com:444"),
    ])
  func crossOrigin(_ status: Int, _ location: String, _ origin: String) async throws {
    let transport = RedirectAnswer(status: status, location: location)
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: Self.gateway), projectID: "p",
      credentials: .token(Secret("token-secret-5e2a")), transport: transport)
    let error = await #expect(throws: ProgressClientError.self) {
      _ = try await client.progress(of: .check(taskID: "t"))
    }
    guard case .crossOriginRedirect(let operation, let answered, let named)? = error else {
      Issue.record("expected crossOriginRedirect, got \(String(describing: error))")
      return
    }
    #expect(operation == .check)
    #expect(answered == status)
    #expect(named == origin)
    #expect(
      error?.description
        == "check: HTTP \(status) redirect to another origin, \(origin), not followed: the "
        + "credentials were not sent there")
    #expect(error?.description.contains("collect") == false)
  }

  @Test("polling ends at the first redirect to another origin, without a retry")
  func pollingEnds() async throws {
    let transport = RedirectAnswer(status: 302, location: "https://elsewhere.example/x")
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: Self.gateway), projectID: "p",
      credentials: .token(Secret("token-secret-5e2a")), transport: transport)
    let error = await #expect(throws: ProgressClientError.self) {
      for try await _ in client.poll(.check(taskID: "t")) {}
    }
    guard case .crossOriginRedirect? = error else {
      Issue.record("expected crossOriginRedirect, got \(String(describing: error))")
      return
    }
    #expect(transport.log.requests.count == 1)
  }

  @Test("a redirect within the origin that reaches the client is an error answer, as any 3xx")
  func sameOrigin() async throws {
    let transport = RedirectAnswer(status: 302, location: "/v1/p/elsewhere")
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: Self.gateway), projectID: "p",
      credentials: .token(Secret("token-secret-5e2a")), transport: transport)
    let error = await #expect(throws: ProgressClientError.self) {
      _ = try await client.progress(of: .check(taskID: "t"))
    }
    guard case .service(.check, let cloud, _)? = error else {
      Issue.record("expected a service error, got \(String(describing: error))")
      return
    }
    #expect(cloud.httpStatus == 302)
  }

  @Test("the IAM token request redirected to another origin names IAM; no token, no poll")
  func identityRedirected() async throws {
    let transport = RedirectAnswer(status: 307, location: "https://elsewhere.example/v3/auth")
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: Self.gateway), projectID: "p",
      credentials: .password(user: "user", password: "password-secret-81d0", domain: "d"),
      transport: transport)
    let error = await #expect(throws: ProgressClientError.self) {
      _ = try await client.progress(of: .check(taskID: "t"))
    }
    guard case .crossOriginRedirect(nil, 307, "https://elsewhere.example")? = error else {
      Issue.record("expected crossOriginRedirect from IAM, got \(String(describing: error))")
      return
    }
    #expect(error?.description.hasPrefix("IAM token request: HTTP 307 redirect") == true)
    #expect(transport.log.requests.map { $0.url?.path } == ["/v3/auth/tokens"])
  }

  @Test("a client's default transport follows no redirect to another origin")
  func defaultTransport() {
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: Self.gateway), projectID: "p",
      credentials: .token(Secret("token-secret-5e2a")))
    #expect(client.transport is SameOriginTransport)
  }
}
