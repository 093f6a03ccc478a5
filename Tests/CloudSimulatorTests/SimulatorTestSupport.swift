import CloudProgress
import CloudSimulator
import Foundation
import HTTPTransportCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A client of the simulator over URLSession: IAM tokens and the five operations.
struct SimulatorClient {
  let simulator: CloudSimulator
  let session = URLSession(configuration: .ephemeral)
  static let project = "0123456789abcdef0123456789abcdef"

  /// Gets a token with the default account.
  func token(user: String = "tape", password: String = "tape-simulator") async throws -> (
    Int, String?
  ) {
    var request = URLRequest(url: simulator.baseURL.appending(path: "v3/auth/tokens"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(
      #"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "\#(user)", "password": "\#(password)", "domain": {"name": "d"}}}}, "scope": {"project": {"id": "p"}}}}"#
        .utf8)
    let (_, response) = try await session.send(request)
    return (response.statusCode, response.value(forHTTPHeaderField: "X-Subject-Token"))
  }

  /// The request for one API's task, with the headers the API requires.
  func request(_ api: CloudAPI, id: String, token: String? = nil) throws -> URLRequest {
    var parameters = ["task_id": id, "resource_id": id, "job_id": id, "project_id": Self.project]
    if api == .cpts { parameters["project_id"] = id }
    var request = URLRequest(
      url: try api.operation.url(baseURL: simulator.baseURL, pathParameters: parameters))
    for header in api.operation.headers {
      request.setValue(header.defaultValue ?? "workspace-1", forHTTPHeaderField: header.name)
    }
    if let token { request.setValue(token, forHTTPHeaderField: "X-Auth-Token") }
    return request
  }

  /// Sends a request; returns the status, the body and the response.
  func send(_ request: URLRequest) async throws -> (Int, Data, HTTPURLResponse) {
    let (data, response) = try await session.send(request)
    return (response.statusCode, data, response)
  }
}

/// The error answer of a response.
func cloudError(_ data: Data, _ response: HTTPURLResponse) -> CloudError {
  CloudError(
    httpStatus: response.statusCode, requestID: response.value(forHTTPHeaderField: "X-Request-Id"),
    body: data)
}
