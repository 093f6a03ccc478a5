import CloudSigning
import Foundation
import Testing

@Suite("Canonical request")
struct CanonicalRequestTests {
  @Test(
    "canonical URI: segments re-encoded with uppercase hex, a trailing slash appended",
    arguments: [
      ("/v1/abc", "/v1/abc/"),
      ("/v1/abc/", "/v1/abc/"),
      ("", "/"),
      ("/", "/"),
      ("/a//b", "/a//b/"),
      ("/~user/file-name_1.txt", "/~user/file-name_1.txt/"),
      ("/a b/ü", "/a%20b/%C3%BC/"),
      ("/a%20b/%c3%bc", "/a%20b/%C3%BC/"),
      ("/a+b/c:d/e@f", "/a%2Bb/c%3Ad/e%40f/"),
      ("/a%2fb/c", "/a%2Fb/c/"),
      ("/odd%zz/%4", "/odd%25zz/%254/"),
      ("/%7Euser", "/~user/"),
    ])
  func canonicalURI(path: String, expected: String) {
    #expect(CanonicalRequest.canonicalURI(path: path) == expected)
  }

  @Test("an already-encoded path signs the same as the decoded one")
  func encodedPathSignsTheSame() throws {
    let decoded = SignableRequest(method: "GET", path: "/v1/my file/ü", headers: [("Host", "h")])
    let encoded = SignableRequest(
      method: "GET", path: "/v1/my%20file/%C3%BC", headers: [("Host", "h")])
    let canonicalDecoded = try CanonicalRequest(decoded, signedHeaders: ["host"])
    let canonicalEncoded = try CanonicalRequest(encoded, signedHeaders: ["host"])
    #expect(canonicalDecoded.uri == "/v1/my%20file/%C3%BC/")
    #expect(canonicalDecoded.text == canonicalEncoded.text)
  }

  @Test(
    "canonical query: decoded, sorted by key then value, re-encoded",
    arguments: [
      ("", ""),
      ("b=2&a=1", "a=1&b=2"),
      ("a=2&a=1&a=10", "a=1&a=10&a=2"),
      ("limit=2&marker=13551d6b", "limit=2&marker=13551d6b"),
      ("flag", "flag="),
      ("flag=&x=1", "flag=&x=1"),
      ("&&a=1&", "a=1"),
      ("q=a%20b", "q=a%20b"),
      ("q=a+b", "q=a%20b"),
      ("q=%2b", "q=%2B"),
      ("k=v=w", "k=v%3Dw"),
      ("name=%e4%b8%ad&Name=x", "Name=x&name=%E4%B8%AD"),
      ("b=1&a~=2&a=3", "a=3&a~=2&b=1"),
      ("q=100%", "q=100%25"),
    ])
  func canonicalQuery(query: String, expected: String) {
    #expect(CanonicalRequest.canonicalQuery(query) == expected)
  }

  @Test("canonical headers: names lowercased and sorted, values trimmed, repeats joined")
  func canonicalHeaders() throws {
    let request = SignableRequest(
      method: "POST", path: "/v1/jobs",
      headers: [
        ("X-B", "  two \t"), ("Host", "service.example.com"), ("x-a", "one"),
        ("X-Sdk-Date", "20191115T033655Z"), ("X-A", " again "), ("X-Unsigned", "u"),
      ])
    let canonical = try CanonicalRequest(
      request, signedHeaders: ["X-B", "host", "x-a", "X-SDK-DATE", "X-A"])
    #expect(canonical.signedHeaders == ["host", "x-a", "x-b", "x-sdk-date"])
    #expect(canonical.signedHeadersLine == "host;x-a;x-b;x-sdk-date")
    #expect(
      canonical.headers
        == "host:service.example.com\nx-a:one,again\nx-b:two\nx-sdk-date:20191115T033655Z\n")
  }

  @Test("the full text: six parts, the payload hash of the body")
  func fullText() throws {
    let request = SignableRequest(
      method: "PUT", path: "/v1/a b", query: "z=1&a=2", headers: [("Host", " h ")],
      body: Data("abc".utf8))
    let canonical = try CanonicalRequest(request, signedHeaders: ["host"])
    #expect(
      canonical.text
        == "PUT\n/v1/a%20b/\na=2&z=1\nhost:h\n\nhost\n"
        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(canonical.description == canonical.text)
    #expect(canonical.hash == SHA256.hash(canonical.text.utf8))
  }

  @Test("an empty body hashes to the SHA-256 of nothing")
  func emptyPayload() throws {
    let canonical = try CanonicalRequest(
      SignableRequest(method: "GET", path: "/", headers: [("host", "h")]), signedHeaders: ["host"])
    #expect(
      canonical.payloadHash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test("a signed header missing from the request, or an invalid name, is an error")
  func headerErrors() {
    let request = SignableRequest(method: "GET", path: "/", headers: [("Host", "h")])
    #expect(throws: SDKSigningError.missingHeader("x-b")) {
      try CanonicalRequest(request, signedHeaders: ["host", "X-B"])
    }
    #expect(throws: SDKSigningError.invalidHeaderName("bad name")) {
      try CanonicalRequest(request, signedHeaders: ["host", "bad name"])
    }
    #expect(throws: SDKSigningError.invalidHeaderName("")) {
      try CanonicalRequest(request, signedHeaders: [""])
    }
  }

  @Test("a request target splits into path and query at the first question mark")
  func requestTarget() {
    let request = SignableRequest(method: "GET", target: "/v1/jobs?limit=2&q=a?b")
    #expect(request.path == "/v1/jobs")
    #expect(request.query == "limit=2&q=a?b")
    let bare = SignableRequest(method: "GET", target: "/v1/jobs")
    #expect(bare.path == "/v1/jobs")
    #expect(bare.query == "")
  }
}
