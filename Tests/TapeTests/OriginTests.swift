import Foundation
import HTTPTransportCore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Origin")
struct OriginTests {
  private func origin(_ text: String) -> Origin? { URL(string: text).flatMap(Origin.init) }

  @Test("scheme and host compare without case; a missing port is the scheme's default")
  func sameOrigin() {
    #expect(origin("https://Example.COM/a?b") == origin("https://example.com:443/c"))
    #expect(origin("http://127.0.0.1/x") == origin("HTTP://127.0.0.1:80"))
    #expect(
      origin("/v1/tasks").map { _ in true } == nil, "a relative URL without a base has none")
    #expect(
      URL(string: "/landed", relativeTo: URL(string: "http://127.0.0.1:8080/a")).flatMap(
        Origin.init) == origin("http://127.0.0.1:8080"))
  }

  @Test(
    "another scheme, host or port is another origin",
    arguments: [
      "http://example.com", "https://example.org", "https://example.com:8443",
      "https://api.example.com",
    ])
  func otherOrigin(_ text: String) {
    #expect(origin(text) != origin("https://example.com"))
  }

  @Test("printed as scheme://host, with the port only when it is not the default")
  func description() {
    #expect(origin("https://Example.com:443/a")?.description == "https://example.com")
    #expect(origin("http://127.0.0.1:40123/landed")?.description == "http://127.0.0.1:40123")
    #expect(origin("http://[::1]:8080/")?.description == "http://[::1]:8080")
  }

  @Test("a redirect's location resolves against the answer's URL; other answers have none")
  func redirectLocation() throws {
    let url = try #require(URL(string: "http://127.0.0.1:8080/v1/tasks/t"))
    func answer(_ status: Int, _ location: String?) -> HTTPURLResponse? {
      HTTPURLResponse(
        url: url, statusCode: status, httpVersion: "HTTP/1.1",
        headerFields: location.map { ["Location": $0] } ?? [:])
    }
    #expect(
      answer(302, "/landed")?.redirectLocation?.absoluteString == "http://127.0.0.1:8080/landed")
    #expect(
      answer(307, "https://other.example/x")?.redirectLocation?.absoluteString
        == "https://other.example/x")
    #expect(answer(200, "/landed")?.redirectLocation == nil)
    #expect(answer(302, nil)?.redirectLocation == nil)
  }
}
