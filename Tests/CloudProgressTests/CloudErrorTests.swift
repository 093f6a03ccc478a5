import CloudProgress
import Foundation
import JSONTree
import Testing

@Suite("CloudError")
struct CloudErrorTests {
  func read(_ body: String, status: Int = 400, requestID: String? = nil) -> CloudError {
    CloudError(httpStatus: status, requestID: requestID, body: Data(body.utf8))
  }

  @Test("error_code and error_msg come first")
  func errorCodeAndMessage() {
    let error = read(
      #"{"code": "X", "message": "other", "error_code": "DRS.10000010", "error_msg": "Job does not exist"}"#
    )
    #expect(error.code == "DRS.10000010")
    #expect(error.message == "Job does not exist")
    #expect(error.source == .errorCodeAndMessage)
  }

  @Test("code and message when error_code and error_msg are not both there")
  func codeAndMessage() {
    let error = read(#"{"error_code": "lonely", "code": "CPTS.0001", "message": "bad"}"#)
    #expect(error.code == "CPTS.0001")
    #expect(error.message == "bad")
    #expect(error.source == .codeAndMessage)
  }

  @Test("a nested object holding a pair, with a numeric code as IAM sends it")
  func nestedObject() {
    let error = read(
      #"{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}"#,
      status: 401)
    #expect(error.code == "401")
    #expect(error.message == "The request you have made requires authentication.")
    #expect(error.source == .nested(JSONPointer(tokens: ["error"])))
  }

  @Test("a nested pair inside an array is found too")
  func nestedInArray() {
    let error = read(#"{"errors": [{"note": 1}, {"error_code": "E2", "error_msg": "second"}]}"#)
    #expect(error.code == "E2")
    #expect(error.source == .nested(JSONPointer(tokens: ["errors", "1"])))
  }

  @Test(
    "a bare string, JSON or plain text, is the message (CPTS 501)",
    arguments: [#""unknown error""#, "unknown error", "  unknown error\n"])
  func bareString(body: String) {
    let error = read(body, status: 501)
    #expect(error.code == nil)
    #expect(error.message == "unknown error")
    #expect(error.source == .text)
    #expect(error.description == "HTTP 501: unknown error")
  }

  @Test("JSON without a pair keeps its whole text as the message")
  func jsonWithoutPair() {
    let error = read(#"{"detail": "nope"}"#, status: 500)
    #expect(error.message == #"{"detail": "nope"}"#)
    #expect(error.code == nil)
  }

  @Test("an empty body says so")
  func emptyBody() {
    #expect(read("", status: 502).message == "(empty body)")
  }

  @Test("a repeated name counts by its last member, even a null one")
  func lastOfRepeatedName() {
    let error = read(
      #"{"error_code": "A", "error_msg": "first", "error_code": null, "code": "C", "message": "second", "request_id": "r1", "request_id": "r2"}"#
    )
    #expect(error.code == "C")
    #expect(error.message == "second")
    #expect(error.source == .codeAndMessage)
    #expect(error.requestID == "r2")
    let nested = read(#"[{"code": "X", "message": "m", "message": {}}, {"code": 7, "message": 8}]"#)
    #expect(nested.code == "7")
    #expect(nested.source == .nested(JSONPointer(tokens: ["1"])))
  }

  @Test("the X-Request-Id header wins over the body's request_id; the body's is the fallback")
  func requestID() {
    let body = #"{"error_code": "APIG.0308", "error_msg": "throttled", "request_id": "from-body"}"#
    #expect(read(body, status: 429, requestID: "from-header").requestID == "from-header")
    #expect(read(body, status: 429).requestID == "from-body")
    #expect(read(body, status: 429, requestID: "").requestID == "from-body")
  }

  @Test("gateway errors are classified")
  func classification() {
    let throttled = read(
      #"{"error_code": "APIG.0308", "error_msg": "over ratelimit"}"#, status: 429)
    #expect(throttled.isThrottled)
    #expect(!throttled.isAuthenticationFailure)
    let refused = read(#"{"error_code": "APIG.0301", "error_msg": "verify aksk signature fail"}"#)
    #expect(refused.isAuthenticationFailure)
    #expect(!refused.isThrottled)
  }

  @Test("the description names status, code, message and request")
  func description() {
    let error = read(
      #"{"error_code": "CC.00000003", "error_msg": "Authentication information expired."}"#,
      status: 401, requestID: "abc")
    #expect(
      error.description == "HTTP 401 CC.00000003: Authentication information expired. (request abc)"
    )
  }
}

@Suite("CloudError fuzzer regressions")
struct CloudErrorFuzzRegressionTests {
  @Test("an empty JSON string body still gives a message")
  func emptyJSONString() {
    let error = CloudError(httpStatus: 501, requestID: nil, body: Data(#""""#.utf8))
    #expect(error.message == "(empty string body)")
    #expect(error.code == nil)
  }

  @Test("the pair search through 511 nested arrays names the nested pointer")
  func deepPairSearch() {
    let depth = 511
    let body =
      String(repeating: "[", count: depth) + #"{"code":"X.1","message":"deep"}"#
      + String(repeating: "]", count: depth)
    let error = CloudError(httpStatus: 400, requestID: nil, body: Data(body.utf8))
    #expect(error.code == "X.1")
    #expect(error.message == "deep")
    #expect(
      error.source
        == .nested(JSONPointer(tokens: Array(repeating: "0", count: depth))))
  }

  @Test(
    "a pair inside arrays of one array each is named by every index on its way",
    arguments: [
      (#"[[[1,{"code":"X","message":"m"}]]]"#, ["0", "0", "1"]),
      (#"[[[]],[[{"code":"X","message":"m"}]]]"#, ["1", "0", "0"]),
      (#"[[[[]]],{"code":"X","message":"m"}]"#, ["1"]),
      (#"{"a":[[{"b":[[[{"code":"X","message":"m"}]]]}]]}"#, ["a", "0", "0", "b", "0", "0", "0"]),
      (#"[[[[{"x":1}],[[{"code":"X","message":"m"}]]]]]"#, ["0", "0", "1", "0", "0"]),
    ])
  func pairInNestedArrays(body: String, tokens: [String]) {
    let error = CloudError(httpStatus: 400, requestID: nil, body: Data(body.utf8))
    #expect(error.code == "X")
    #expect(error.source == .nested(JSONPointer(tokens: tokens)))
  }
}

@Suite("PerfTest fuzzer regressions")
struct PerfTestFuzzRegressionTests {
  @Test("a null detail is skipped, the others kept")
  func nullDetail() throws {
    let body = #"{"json":{"details":[null,{"id":3,"status":1},null],"process_status":1}}"#
    let response = try JSONDecoder().decode(
      PerfTestUploadProcessResponse.self, from: Data(body.utf8))
    #expect(response.process?.details?.map(\.id) == [3])
    #expect(response.taskProgress.phase == .succeeded)
  }
}

@Suite("NestingGuard fuzzer regression")
struct NestingGuardRegressionTests {
  @Test("a truncated body nested 515 deep is a DecodingError, not a JSONDecoder trap")
  func truncatedDeepBody() {
    let body = Data((#"{"s":0,"":{"o":"# + String(repeating: "[", count: 515)).utf8)
    #expect(throws: DecodingError.self) { try CloudAPI.check.decodeResponse(from: body) }
    #expect(throws: Never.self) {
      try NestingGuard.check(Data((String(repeating: "[", count: 512) + #""[[[""#).utf8))
    }
  }
}
