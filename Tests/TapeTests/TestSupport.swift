import Foundation
import JSONTree
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The package's top directory, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// An interaction answering `GET url` (or `method url` with a body) with a JSON body.
func exchange(
  _ url: String, method: String = "GET", requestBody: String? = nil,
  requestHeaders: HeaderFields = [:], status: Int = 200, json: String,
  offset: Duration = .zero, duration: Duration = .zero, repeatCount: Int = 1
) throws -> Interaction {
  Interaction(
    request: RecordedRequest(
      method: method, url: url, headers: requestHeaders,
      body: try requestBody.map { RecordedBody(.json(try JSONParser().parse($0))) }),
    response: RecordedResponse(
      status: status, headers: ["Content-Type": "application/json"],
      body: RecordedBody(.json(try JSONParser().parse(json)))),
    offset: offset, duration: duration, repeatCount: repeatCount)
}

/// A player over in-memory interactions.
func player(_ interactions: [Interaction], _ configuration: ReplayConfiguration = .init())
  throws -> CassettePlayer
{
  try CassettePlayer(
    cassette: Cassette(interactions: interactions), source: "memory.json",
    configuration: configuration)
}

/// A request for `url`.
func request(
  _ url: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil
) -> URLRequest {
  var request = URLRequest(url: URL(string: url)!)
  request.httpMethod = method
  for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
  request.httpBody = body.map { Data($0.utf8) }
  return request
}

/// The body of a replayed answer as text.
func text(_ answer: (Data, HTTPURLResponse)) -> String {
  String(decoding: answer.0, as: UTF8.self)
}

let taskURL = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"
