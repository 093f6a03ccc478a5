import Foundation
import LoopbackHTTP
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("URLSession round trips")
struct URLSessionTests {
  private struct Greeting: Codable, Equatable {
    var name: String
    var count: Int
  }

  /// Answers `POST /greetings` by echoing the decoded JSON with `count` doubled, and any GET
  /// with its path and query items as JSON.
  @Sendable private static func handle(_ request: HTTPRequest) async -> HTTPResponse {
    switch (request.method, request.path) {
    case ("POST", "/greetings"):
      guard request.headers["content-type"] == "application/json",
        var greeting = try? JSONDecoder().decode(Greeting.self, from: request.body)
      else { return .text("bad greeting", status: 400) }
      greeting.count *= 2
      return (try? .json(encoding: greeting, status: 201)) ?? .text("", status: 500)
    case ("GET", _), ("HEAD", _):
      let items = request.queryItems.map { [$0.name, $0.value ?? "<none>"] }
      return (try? .json(encoding: ["path": [request.path], "items": items.flatMap { $0 }]))
        ?? .text("", status: 500)
    default:
      return .text("no", status: 405, headers: ["Allow": "GET, POST"])
    }
  }

  @Test("GET returns the handler's JSON, status and headers")
  func getRoundTrip() async throws {
    try await withServer(handler: Self.handle) { server in
      let session = URLSession(configuration: .ephemeral)
      defer { session.finishTasksAndInvalidate() }
      let url = try #require(URL(string: "\(server.baseURL)/v1/items?limit=10&name=a%20b&flag"))
      let (data, response) = try await session.data(for: URLRequest(url: url))
      let http = try #require(response as? HTTPURLResponse)
      #expect(http.statusCode == 200)
      #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
      #expect(http.value(forHTTPHeaderField: "Content-Length") == String(data.count))
      #expect(http.value(forHTTPHeaderField: "Date")?.hasSuffix(" GMT") == true)
      let decoded = try JSONDecoder().decode([String: [String]].self, from: data)
      #expect(decoded["path"] == ["/v1/items"])
      #expect(decoded["items"] == ["limit", "10", "name", "a b", "flag", "<none>"])
    }
  }

  @Test("POST with a JSON body round trips, answered 201")
  func postRoundTrip() async throws {
    try await withServer(handler: Self.handle) { server in
      let session = URLSession(configuration: .ephemeral)
      defer { session.finishTasksAndInvalidate() }
      var request = URLRequest(url: server.baseURL.appending(path: "greetings"))
      request.httpMethod = "POST"
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = try JSONEncoder().encode(Greeting(name: "Zoë", count: 21))
      let (data, response) = try await session.data(for: request)
      #expect((response as? HTTPURLResponse)?.statusCode == 201)
      #expect(
        try JSONDecoder().decode(Greeting.self, from: data) == Greeting(name: "Zoë", count: 42))
    }
  }

  @Test("a large POST body (which may be sent after 100-continue) arrives whole")
  func largePost() async throws {
    try await withServer { server in
      let session = URLSession(configuration: .ephemeral)
      defer { session.finishTasksAndInvalidate() }
      var request = URLRequest(url: server.baseURL.appending(path: "upload"))
      request.httpMethod = "POST"
      let body = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
      request.httpBody = body
      let (data, response) = try await session.data(for: request)
      let http = try #require(response as? HTTPURLResponse)
      #expect(http.statusCode == 200)
      #expect(http.value(forHTTPHeaderField: "X-Body-Length") == "300000")
      #expect(data == body)
    }
  }

  @Test("several requests through one session reuse the server's keep-alive connection")
  func sequentialRequests() async throws {
    try await withServer { server in
      let session = URLSession(configuration: .ephemeral)
      defer { session.finishTasksAndInvalidate() }
      var remotes: Set<String> = []
      for index in 0..<5 {
        let url = server.baseURL.appending(path: "n/\(index)")
        let (_, response) = try await session.data(for: URLRequest(url: url))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.value(forHTTPHeaderField: "X-Path") == "/n/\(index)")
        remotes.insert(try #require(http.value(forHTTPHeaderField: "X-Remote")))
      }
      #expect(remotes.count == 1)
      #expect(remotes.first?.hasPrefix("127.0.0.1:") == true)
    }
  }
}
