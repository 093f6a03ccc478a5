import Foundation
import Testing

@testable import LoopbackHTTP

@Suite("Message values")
struct MessageTests {
  @Test("headers keep order and spelling, and look names up ignoring case")
  func headers() {
    var headers: HTTPHeaders = ["Content-Type": "a", "X-Dup": "1", "x-dup": "2"]
    #expect(headers["content-type"] == "a")
    #expect(headers["X-DUP"] == "1")
    #expect(headers.values(for: "x-Dup") == ["1", "2"])
    #expect(headers.contains("CONTENT-TYPE"))
    #expect(!headers.contains("Content"))
    headers.add(name: "Accept", value: "*/*")
    headers.replace(name: "X-DUP", value: "3")
    #expect(headers.fields.map(\.name) == ["Content-Type", "X-DUP", "Accept"])
    #expect(headers.fields.map(\.value) == ["a", "3", "*/*"])
    headers["accept"] = nil
    headers["New"] = "n"
    #expect(headers.map { "\($0.name)=\($0.value)" } == ["Content-Type=a", "X-DUP=3", "New=n"])
    headers.remove(name: "content-type")
    #expect(headers.count == 2)
    #expect(headers == HTTPHeaders([(name: "X-DUP", value: "3"), (name: "New", value: "n")]))
    #expect(headers != HTTPHeaders([(name: "x-dup", value: "3"), (name: "New", value: "n")]))
    #expect(headers.description == "X-DUP: 3\nNew: n")
    #expect(HTTPHeaders().isEmpty)
  }

  @Test(
    "query items are split at & and percent-decoded; + stays +; malformed escapes stay raw",
    arguments: [
      ("a=1&b=2", [HTTPQueryItem(name: "a", value: "1"), HTTPQueryItem(name: "b", value: "2")]),
      ("flag&e=", [HTTPQueryItem(name: "flag", value: nil), HTTPQueryItem(name: "e", value: "")]),
      ("a%20b=c%2Bd+e", [HTTPQueryItem(name: "a b", value: "c+d+e")]),
      (
        "x=%E2%9C%93&&y=a=b",
        [HTTPQueryItem(name: "x", value: "✓"), HTTPQueryItem(name: "y", value: "a=b")]
      ),
      (
        "bad=%zz&utf=%FF",
        [HTTPQueryItem(name: "bad", value: "%zz"), HTTPQueryItem(name: "utf", value: "%FF")]
      ),
      ("", []),
    ])
  func queryItems(query: String, items: [HTTPQueryItem]) {
    #expect(HTTPQueryItem.parse(query: query) == items)
  }

  @Test(
    "a request target splits into path and query",
    arguments: [
      ("/a/b?c=d", "/a/b", "c=d" as String?), ("/a?", "/a", ""), ("/", "/", nil),
      ("/a?b?c", "/a", "b?c"), ("http://host:8080/p/q?x=1", "/p/q", "x=1"),
      ("HTTPS://host", "/", nil), ("http://host?x", "/", "x"), ("*", "*", nil),
    ])
  func targetSplit(target: String, path: String, query: String?) {
    let request = HTTPRequest(method: "GET", target: target)
    #expect(request.path == path)
    #expect(request.query == query)
  }

  @Test("a request built in code reads its query, body and defaults")
  func requestInCode() {
    let request = HTTPRequest(
      method: "POST", target: "/x?limit=5&limit=6", body: Data("hé".utf8))
    #expect(request.queryValue(named: "limit") == "5")
    #expect(request.queryValue(named: "offset") == nil)
    #expect(request.bodyBytes == [0x68, 0xC3, 0xA9])
    #expect(request.bodyText == "hé")
    #expect(HTTPRequest(method: "POST", target: "/", body: Data([0xFF])).bodyText == nil)
    #expect(request.version.description == "HTTP/1.1")
    #expect(request.remoteAddress.description == "127.0.0.1:0")
    #expect(SocketAddress(host: "::1", port: 80).description == "[::1]:80")
  }

  @Test("response factories set the body and a content type the handler did not set")
  func responseFactories() throws {
    let text = HTTPResponse.text("hi", status: 404)
    #expect(text.status == 404)
    #expect(text.reasonPhrase == "Not Found")
    #expect(text.headers["Content-Type"] == "text/plain; charset=utf-8")
    #expect(text.bodyText == "hi")
    let json = HTTPResponse.json(
      text: #"{"a":1}"#, headers: ["content-type": "application/problem+json"])
    #expect(json.headers.values(for: "Content-Type") == ["application/problem+json"])
    #expect(json.bodyText == #"{"a":1}"#)
    let encoded = try HTTPResponse.json(encoding: ["k": 2], status: 201)
    #expect(encoded.status == 201)
    #expect(encoded.reasonPhrase == "Created")
    #expect(encoded.headers["Content-Type"] == "application/json")
    #expect(encoded.bodyText == #"{"k":2}"#)
    #expect(HTTPResponse(status: 299).reasonPhrase == "")
    #expect(HTTPResponse(status: 200, reasonPhrase: "Fine").reasonPhrase == "Fine")
    #expect(HTTPResponse.standardReasonPhrase(for: 431) == "Request Header Fields Too Large")
  }

  @Test(
    "dates are IMF-fixdate in GMT",
    arguments: [
      (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"), (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
      (1_709_210_096, "Thu, 29 Feb 2024 12:34:56 GMT"),
    ])
  func dates(seconds: Int, text: String) {
    #expect(HTTPDate.format(secondsSince1970: seconds) == text)
  }

  @Test("out-of-range configuration values are brought into range")
  func configurationNormalized() {
    let configuration = HTTPServerConfiguration(
      maxConnections: 0, listenBacklog: -5, maxHeadBytes: 1, maxHeaderFields: -1,
      maxBodyBytes: -10, idleTimeout: .zero, requestReadTimeout: .seconds(-1),
      writeTimeout: .zero
    ).normalized
    #expect(configuration.maxConnections == 1)
    #expect(configuration.listenBacklog == 1)
    #expect(configuration.maxHeadBytes == 64)
    #expect(configuration.maxHeaderFields == 1)
    #expect(configuration.maxBodyBytes == 0)
    #expect(configuration.idleTimeout == .milliseconds(1))
    #expect(configuration.requestReadTimeout == .milliseconds(1))
    #expect(configuration.writeTimeout == .milliseconds(1))
  }
}
