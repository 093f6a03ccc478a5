import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import HTTPTransportCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The project of the package's cassettes, also the simulator's CPTS task id.
let project = "0123456789abcdef0123456789abcdef"

/// The credential kinds the simulator accepts, by name.
enum CredentialKind: String, CaseIterable, Sendable, CustomStringConvertible {
  case token
  case password
  case accessKey
  case temporaryAccessKey

  var description: String { rawValue }

  /// Credentials the simulator accepts; a token is fetched from it first.
  func credentials(for simulator: CloudSimulator) async throws -> CloudCredentials {
    let key = SimulatorScenario.defaultAccessKey
    let account = SimulatorScenario.defaultAccount
    switch self {
    case .token:
      return .token(Secret(try await issueToken(simulator)))
    case .password:
      return .password(user: account.user, password: account.password, domain: "tape")
    case .accessKey:
      return .accessKey(key.accessKey, secret: key.secretKey)
    case .temporaryAccessKey:
      return .temporaryAccessKey(
        key.accessKey, secret: key.secretKey, securityToken: "temporary-security-token-1")
    }
  }
}

/// A token from the simulator's IAM, obtained with a separate password client.
func issueToken(_ simulator: CloudSimulator) async throws -> String {
  let account = SimulatorScenario.defaultAccount
  var request = URLRequest(url: simulator.baseURL.appending(path: "v3/auth/tokens"))
  request.httpMethod = "POST"
  request.httpBody = Data(
    #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(account.user)","password":"\#(account.password)","domain":{"name":"d"}}}},"scope":{"project":{"id":"p"}}}}"#
      .utf8)
  let (_, response) = try await URLSession.shared.send(request)
  return response.value(forHTTPHeaderField: "X-Subject-Token") ?? ""
}

/// What a ``ScriptedTransport`` saw: one line per request, `200`, `429`, or `error`.
final class TransportLog: Sendable {
  private let lines = Mutex<[String]>([])
  private let sent = Mutex<[URLRequest]>([])
  var entries: [String] { lines.withLock { $0 } }
  var requests: [URLRequest] { sent.withLock { $0 } }
  func append(_ line: String) { lines.withLock { $0.append(line) } }
  func append(_ request: URLRequest) { sent.withLock { $0.append(request) } }
  var count: Int { lines.withLock { $0.count } }
}

/// A transport that logs every exchange and can answer a request itself (by its number,
/// from 1) instead of passing it on: a 429 with `Retry-After`, a dropped connection, a 403.
struct ScriptedTransport: HTTPTransport {
  let inner: any HTTPTransport
  let log = TransportLog()
  var script: @Sendable (Int, URLRequest) throws -> (Data, HTTPURLResponse)? = { _, _ in nil }

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let number = log.count + 1
    log.append(request)
    do {
      let answer: (Data, HTTPURLResponse)
      if let scripted = try script(number, request) {
        answer = scripted
      } else {
        answer = try await inner.send(request)
      }
      log.append("\(request.url?.path ?? "") \(answer.1.statusCode)")
      return answer
    } catch {
      log.append("\(request.url?.path ?? "") error")
      throw error
    }
  }
}

/// An answer made up by a test.
func answer(_ request: URLRequest, status: Int, body: String, headers: [String: String] = [:])
  -> (Data, HTTPURLResponse)
{
  (
    Data(body.utf8),
    HTTPURLResponse(
      url: request.url!, statusCode: status, httpVersion: "HTTP/1.1",
      headerFields: headers.merging(["Content-Type": "application/json"]) { first, _ in first })!
  )
}

/// The task of `api` with the simulator's id `id` (CPTS uses the client's project id).
func reference(_ api: CloudAPI, id: String) -> TaskReference {
  switch api {
  case .cpts: .cpts
  case .insight: .insight(taskID: id, workspaceID: "workspace-1")
  case .quality: .quality(resourceID: id, workspace: "workspace-1")
  case .drs: .drs(jobID: id)
  case .check: .check(taskID: id)
  }
}

/// A fast policy for tests: 1 s doubling to 8 s, a 10-minute deadline.
let quickPolicy = PollingPolicy(
  initialInterval: .seconds(1), maximumInterval: .seconds(8), deadline: .seconds(600),
  maximumRetries: 3, throttleFloor: .seconds(2))

/// Polls to the end, collecting the snapshots.
func collect<Random>(_ sequence: PollSequence<Random>) async throws -> [TaskProgress] {
  var snapshots: [TaskProgress] = []
  for try await progress in sequence { snapshots.append(progress) }
  return snapshots
}
