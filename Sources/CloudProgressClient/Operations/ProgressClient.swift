import CloudProgress
import CloudSigning
import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A client of the five task-progress operations: one async method per operation, and
/// ``poll(_:policy:random:)`` to follow a task until it finishes.
///
/// ```swift
/// let client = ProgressClient(
///   endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
///   credentials: .accessKey(ak, secret: sk))
/// for try await progress in client.poll(.check(taskID: id)) { print(progress) }
/// ```
public struct ProgressClient: Sendable, CustomStringConvertible, CustomReflectable {
  /// Where requests go.
  public let endpoints: ServiceEndpoints
  /// The project id in the paths.
  public let projectID: String
  /// How requests are authenticated (prints redacted).
  public let credentials: CloudCredentials
  /// What sends the requests.
  public let transport: any HTTPTransport
  /// The client's time.
  public let clock: ClientClock
  private let signer: SDKSigner?
  private let tokens: TokenSource?

  /// Creates a client.
  ///
  /// - Parameters:
  ///   - transport: `SameOriginTransport.shared` by default (a URLSession that follows no
  ///     redirect to another origin); a Tape transport in tests.
  ///   - clock: the time for signatures, token expiry and polling.
  ///   - tokenRenewalMargin: how long before a password token expires to renew it.
  public init(
    endpoints: ServiceEndpoints, projectID: String, credentials: CloudCredentials,
    transport: any HTTPTransport = SameOriginTransport.shared, clock: ClientClock = .system,
    tokenRenewalMargin: Duration = .seconds(300)
  ) {
    self.endpoints = endpoints
    self.projectID = projectID
    self.credentials = credentials
    self.transport = transport
    self.clock = clock
    self.signer = credentials.signer
    if case .passwordToken(let user, let password, let domain) = credentials {
      tokens = TokenSource(
        user: user, password: password, domain: domain, projectID: projectID,
        endpoints: endpoints, transport: transport, clock: clock,
        margin: Double(tokenRenewalMargin.components.seconds))
    } else {
      tokens = nil
    }
  }

  /// Creates a client from a configuration (for example one read from the environment).
  public init(
    configuration: ClientConfiguration, transport: any HTTPTransport = SameOriginTransport.shared,
    clock: ClientClock = .system
  ) {
    self.init(
      endpoints: configuration.endpoints, projectID: configuration.projectID,
      credentials: configuration.credentials, transport: transport, clock: clock)
  }

  /// `ProgressClient(project …, permanent AK/SK (redacted))`.
  public var description: String {
    "ProgressClient(project \(projectID), \(credentials))"
  }

  /// A mirror of the endpoints, project and kind of credentials only.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: ["endpoints": endpoints, "projectID": projectID, "credentials": credentials],
      displayStyle: .struct)
  }

  /// How many IAM tokens this client obtained (0 without password credentials).
  public var issuedTokenCount: Int {
    get async { await tokens?.issuedCount ?? 0 }
  }

  /// The answer to `task`, decoded into its model; its ``TaskProgressReporting/wireAnomalies``
  /// list what did not match the documentation.
  ///
  /// Throws ``ProgressClientError``: `.service` for an error answer, `.undecodableBody` for a
  /// body that cannot be read, `.transport` when no answer came.
  public func progress(of task: TaskReference) async throws -> any TaskProgressReporting {
    let (data, response) = try await send(task)
    do {
      return try task.api.decodeResponse(from: data)
    } catch {
      throw Self.undecodable(error, operation: task.api, response: response)
    }
  }

  /// The answer to `task` as `Model`.
  func fetch<Model: TaskProgressReporting>(_ task: TaskReference, as model: Model.Type)
    async throws -> Model
  {
    let (data, response) = try await send(task)
    do {
      return try Model(jsonData: data)
    } catch {
      throw Self.undecodable(error, operation: task.api, response: response)
    }
  }

  /// Sends `task`'s request, authenticated; a password token the service says expired is
  /// renewed once. Returns a 2xx answer, or throws the error answer.
  func send(_ task: TaskReference) async throws -> (Data, HTTPURLResponse) {
    var renewed = false
    while true {
      var request = try makeRequest(task)
      let token = try await authenticate(&request)
      let (data, response) = try await Self.exchange(request, on: transport, for: task.api)
      if (200..<300).contains(response.statusCode) { return (data, response) }
      let error = credentials.scrub(
        CloudError(
          httpStatus: response.statusCode,
          requestID: response.value(forHTTPHeaderField: "X-Request-Id"), body: data))
      if let token, let tokens, !renewed, Self.saysTokenExpired(error) {
        await tokens.invalidate(token)
        renewed = true
        continue
      }
      throw ProgressClientError.service(
        operation: task.api, error: error,
        retryAfter: RetryAfter.parse(
          response.value(forHTTPHeaderField: "Retry-After"), now: clock.now()))
    }
  }

  /// The unauthenticated request for `task`.
  func makeRequest(_ task: TaskReference) throws(ProgressClientError) -> URLRequest {
    let operation = task.api.operation
    var parameters = task.pathParameters
    parameters["project_id"] = projectID
    let url: URL
    do {
      url = try operation.url(
        baseURL: try endpoints.baseURL(for: task.api), pathParameters: parameters,
        query: task.query)
    } catch let error as PathTemplateError {
      throw .configuration("\(task.api): \(error)")
    } catch let error as ProgressClientError {
      throw error
    } catch {
      throw .configuration("\(task.api): \(error)")
    }
    var request = URLRequest(url: url)
    request.httpMethod = operation.method
    for header in task.headers {
      request.setValue(header.value, forHTTPHeaderField: header.name)
    }
    for header in operation.headers {
      if let value = header.defaultValue, request.value(forHTTPHeaderField: header.name) == nil {
        request.setValue(value, forHTTPHeaderField: header.name)
      }
    }
    return request
  }

  /// Adds the credentials to `request`; returns the password token used, if any.
  private func authenticate(_ request: inout URLRequest) async throws -> Secret? {
    switch credentials {
    case .token(let token):
      request.setValue(token.revealed, forHTTPHeaderField: "X-Auth-Token")
      return nil
    case .passwordToken:
      guard let tokens else { return nil }
      let token = try await tokens.token()
      request.setValue(token.revealed, forHTTPHeaderField: "X-Auth-Token")
      return token
    case .accessKey:
      do {
        try signer?.sign(&request, at: clock.now())
      } catch {
        throw ProgressClientError.configuration("cannot sign the request: \(error)")
      }
      return nil
    }
  }

  /// Sends one request; a failure to get an answer becomes `.transport`, and an answer
  /// that redirects to another origin `.crossOriginRedirect` (the transport did not follow
  /// it, or it would not be the answer).
  static func exchange(
    _ request: URLRequest, on transport: any HTTPTransport, for operation: CloudAPI?
  ) async throws -> (Data, HTTPURLResponse) {
    let answer: (Data, HTTPURLResponse)
    do {
      answer = try await transport.send(request)
    } catch let error as URLError {
      if error.code == .cancelled { throw CancellationError() }
      throw ProgressClientError.transport(
        operation: operation, code: error.code,
        message: "URLError \(error.code.rawValue): \(error.localizedDescription)")
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw ProgressClientError.transport(
        operation: operation, code: nil, message: String(describing: error))
    }
    let response = answer.1
    if let target = response.redirectLocation.flatMap(Origin.init),
      target != request.url.flatMap(Origin.init)
    {
      throw ProgressClientError.crossOriginRedirect(
        operation: operation, status: response.statusCode, origin: target.description)
    }
    return answer
  }

  /// Whether a 401 says the token expired (`APIG.0301` "token expires", Check's
  /// `CC.00000003` "Authentication information expired.").
  static func saysTokenExpired(_ error: CloudError) -> Bool {
    error.httpStatus == 401 && error.message.lowercased().contains("expire")
  }

  private static func undecodable(
    _ error: any Error, operation: CloudAPI, response: HTTPURLResponse
  ) -> ProgressClientError {
    let requestID = response.value(forHTTPHeaderField: "X-Request-Id")
    guard let decoding = error as? DecodingError else {
      return .undecodableBody(
        operation: operation, path: "/", reason: String(describing: error), requestID: requestID)
    }
    let (path, reason): ([any CodingKey], String) =
      switch decoding {
      case .typeMismatch(_, let context), .valueNotFound(_, let context),
        .dataCorrupted(let context):
        (context.codingPath, context.debugDescription)
      case .keyNotFound(let key, let context):
        (context.codingPath + [key], context.debugDescription)
      @unknown default: ([], String(describing: decoding))
      }
    let pointer = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
    return .undecodableBody(
      operation: operation, path: "/" + pointer.joined(separator: "/"), reason: reason,
      requestID: requestID)
  }
}
