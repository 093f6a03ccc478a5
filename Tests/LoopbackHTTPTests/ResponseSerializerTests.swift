import Foundation
import Testing

@testable import LoopbackHTTP

@Suite("Response serialization")
struct ResponseSerializerTests {
  private let date = "Sun, 06 Nov 1994 08:49:37 GMT"

  private func wire(
    _ response: HTTPResponse, head: Bool = false, closes: Bool = false, keepAlive10: Bool = false
  ) -> String {
    let context = ResponseSerializer.Context(
      isHeadRequest: head, closesConnection: closes, confirmsKeepAlive: keepAlive10, date: date)
    return String(decoding: ResponseSerializer.serialize(response, context: context), as: UTF8.self)
  }

  @Test("adds Content-Length and Date after the handler's fields, in its order")
  func addsFraming() {
    let response = HTTPResponse(status: 201, headers: ["B": "2", "a": "1"], body: Data("xyz".utf8))
    #expect(
      wire(response)
        == "HTTP/1.1 201 Created\r\nB: 2\r\na: 1\r\nContent-Length: 3\r\nDate: \(date)\r\n\r\nxyz")
  }

  @Test("keeps the handler's Date and a correct Content-Length; fixes a wrong one")
  func keepsHandlerFields() {
    let kept = HTTPResponse(
      headers: ["Date": "then", "content-length": "2"], body: Data("ok".utf8))
    #expect(wire(kept) == "HTTP/1.1 200 OK\r\nDate: then\r\ncontent-length: 2\r\n\r\nok")
    let wrong = HTTPResponse(headers: ["Content-Length": "99", "Date": "d"], body: Data("ok".utf8))
    #expect(wire(wrong) == "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nDate: d\r\n\r\nok")
  }

  @Test("a HEAD answer has no body; it keeps the handler's length, or gives the body's")
  func head() {
    let declared = HTTPResponse(headers: ["Content-Length": "1000", "Date": "d"])
    #expect(
      wire(declared, head: true) == "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nDate: d\r\n\r\n")
    let computed = HTTPResponse(headers: ["Date": "d"], body: Data("12345".utf8))
    #expect(wire(computed, head: true) == "HTTP/1.1 200 OK\r\nDate: d\r\nContent-Length: 5\r\n\r\n")
  }

  @Test("204 and 304 carry no body; 204 no Content-Length")
  func bodiless() {
    let noContent = HTTPResponse(
      status: 204, headers: ["Content-Length": "3", "Date": "d"], body: Data("abc".utf8))
    #expect(wire(noContent) == "HTTP/1.1 204 No Content\r\nDate: d\r\n\r\n")
    let notModified = HTTPResponse(status: 304, headers: ["Content-Length": "3", "Date": "d"])
    #expect(
      wire(notModified) == "HTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\nDate: d\r\n\r\n")
  }

  @Test("says Connection: close (once) when closing, keep-alive to HTTP/1.0 clients kept open")
  func connectionField() {
    let plain = HTTPResponse(headers: ["Date": "d"])
    #expect(
      wire(plain, closes: true)
        == "HTTP/1.1 200 OK\r\nDate: d\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    let already = HTTPResponse(headers: ["Date": "d", "Connection": "Close"])
    #expect(wire(already, closes: true).components(separatedBy: "Connection").count == 2)
    #expect(wire(plain, keepAlive10: true).hasSuffix("Connection: keep-alive\r\n\r\n"))
  }

  @Test(
    "an answer that cannot be sent as is becomes a 500 that says why",
    arguments: [
      (HTTPResponse(status: 42), "has status 42"),
      (HTTPResponse(status: 101), "has status 101"),
      (HTTPResponse(status: 1000), "has status 1000"),
      (HTTPResponse(reasonPhrase: "OK\r\nX-Evil: 1"), "control byte in its reason phrase"),
      (HTTPResponse(headers: ["X-Split": "a\r\nSet-Cookie: x"]), "control byte in field X-Split"),
      (HTTPResponse(headers: ["X-Nul": "a\u{0}"]), "control byte in field X-Nul"),
      (HTTPResponse(headers: ["Bad Name": "v"]), "field name that is not a token"),
      (HTTPResponse(headers: ["": "v"]), "field name that is not a token"),
      (HTTPResponse(headers: ["Transfer-Encoding": "chunked"]), "sets Transfer-Encoding"),
    ])
  func invalidAnswers(response: HTTPResponse, reason: String) {
    let text = wire(response)
    #expect(text.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    #expect(text.contains(reason))
    #expect(!text.contains("X-Evil") && !text.contains("Set-Cookie"))
  }

  @Test("UTF-8 field values and reason phrases are sent as they are")
  func utf8() {
    let response = HTTPResponse(
      status: 200, reasonPhrase: "Très bien", headers: ["X-Name": "Zoë", "Date": "d"])
    #expect(
      wire(response)
        == "HTTP/1.1 200 Très bien\r\nX-Name: Zoë\r\nDate: d\r\nContent-Length: 0\r\n\r\n")
  }
}
