import CloudProgress
import Foundation
import LoopbackHTTP

/// Answers one request: rate limit, route, identity, authentication, required headers,
/// faults, the task's state; every answer carries an `X-Request-Id`.
struct SimulatorHandler: Sendable {
  let scenario: SimulatorScenario
  let clock: SimulatorClock
  let world: SimulatorWorld
  let authenticator: RequestAuthenticator
  let identity: IdentityService
  let tasks: [String: TaskScript]

  init(scenario: SimulatorScenario, clock: SimulatorClock) {
    let world = SimulatorWorld()
    self.scenario = scenario
    self.clock = clock
    self.world = world
    self.authenticator = RequestAuthenticator(world: world, scenario: scenario)
    self.identity = IdentityService(world: world, scenario: scenario)
    self.tasks = Dictionary(
      scenario.tasks.map { (Self.key($0.api, $0.id), $0) }, uniquingKeysWith: { first, _ in first })
  }

  func respond(to request: HTTPRequest) async -> HTTPResponse {
    let requestID = world.nextRequestID()
    var response = await answer(request, requestID: requestID)
    response.headers["X-Request-Id"] = requestID
    // The gateway's own time: virtual under a virtual clock, so a recording is repeatable.
    response.headers["Date"] = HTTPDate.format(
      secondsSince1970: Int(clock.now().timeIntervalSince1970.rounded(.down)))
    return response
  }

  /// The gateway's answer to a request the HTTP layer refused (malformed, too large, slow).
  func reject(status: Int, reason: String) -> HTTPResponse {
    let requestID = world.nextRequestID()
    var response = GatewayError.body(
      status: status, code: "APIG.0201", message: "Request error: \(reason)", requestID: requestID)
    response.headers["X-Request-Id"] = requestID
    return response
  }

  private func answer(_ request: HTTPRequest, requestID: String) async -> HTTPResponse {
    let now = clock.now()
    if let limit = scenario.rateLimit, !world.admit(at: now, limit: limit) {
      return GatewayError.throttled(limit, requestID: requestID)
    }
    if request.method == "POST", request.path == "/v3/auth/tokens" {
      return identity.issueToken(for: request, at: now, requestID: requestID)
    }
    guard let (api, id) = route(request) else {
      return GatewayError.unknownRoute(request.method, request.path, requestID: requestID)
    }
    if scenario.requiresAuthentication,
      let refusal = authenticator.refusal(of: request, at: now, requestID: requestID)
    {
      return refusal
    }
    for header in api.operation.headers where header.isRequired && header.defaultValue == nil {
      guard let value = request.headers[header.name], !value.isEmpty else {
        return GatewayError.missingHeader(api, header.name, requestID: requestID)
      }
    }
    guard let script = tasks[Self.key(api.rawValue, id)] else {
      return GatewayError.unknownTask(api, id: id, requestID: requestID)
    }
    let key = Self.key(api.rawValue, id)
    let attempt = world.attempt(key)
    let faults = scenario.faults.filter {
      ($0.api == nil || $0.api == api.rawValue) && ($0.request == nil || $0.request == attempt)
    }
    if faults.contains(where: { $0.kind == .internalError }) {
      return GatewayError.body(
        status: 500, code: "SIM.0500", message: "Internal server error (injected).",
        requestID: requestID)
    }
    if faults.contains(where: { $0.kind == .notImplementedText }) {
      return .text("unknown error", status: 501)
    }
    if let slow = faults.first(where: { $0.kind == .slow }) {
      await clock.sleep(Self.delay(slow.delaySeconds))
    }
    let polled = clock.now()
    let (poll, elapsed) = world.poll(key, at: polled)
    let stage = TaskStage(script: script, poll: poll, elapsed: elapsed)
    let body = TaskRenderer.body(
      for: script, api: api, stage: stage, created: polled.addingTimeInterval(-elapsed),
      now: polled,
      workspace: request.headers["X-Workspace-Id"])
    return .json(body)
  }

  /// The API and task id of a request, from the operations' path templates.
  private func route(_ request: HTTPRequest) -> (CloudAPI, String)? {
    for api in CloudAPI.allCases where api.operation.method == request.method {
      guard let parameters = api.operation.path.match(request.path) else { continue }
      let idName = api.operation.path.parameterNames.last ?? "project_id"
      if let id = parameters[idName] { return (api, id) }
    }
    return nil
  }

  private static func key(_ api: String, _ id: String) -> String { api + "/" + id }

  /// A slow fault's wait: 1 s when unset, brought into 0...3600 s (a scenario built in code
  /// is not validated; NaN waits nothing), never a trap.
  static func delay(_ seconds: Double?) -> Duration {
    let value = seconds ?? 1
    guard value > 0 else { return .zero }
    return .milliseconds(Int(min(value, ScenarioReader.maxDelaySeconds) * 1000))
  }
}
