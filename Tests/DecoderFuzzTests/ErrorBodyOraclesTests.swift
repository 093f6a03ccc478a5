import DecoderFuzz
import Testing

/// The error-body oracles parse a body once and share the tree between `CloudError` and
/// the schema check; their verdicts on the bodies that cost the most to check.
@Suite("Error body oracles")
struct ErrorBodyOraclesTests {
  func check(_ text: String) -> ExecutionOutcome {
    ErrorBodyOracles.check(Array(text.utf8))
  }

  @Test("a documented body with a 64 KiB message holds every oracle")
  func hugeMessage() {
    let message = String(repeating: "导", count: 65_536)
    let outcome = check(#"{"error_code":"E.1","error_msg":"\#(message)","request_id":"r"}"#)
    #expect(outcome == .accepted(signature: "error_code, ErrorBody"))
  }

  @Test("a body of many nests near the depth limit is checked, not refused")
  func manyDeepNests() {
    let nest = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
    let body = "[" + Array(repeating: nest, count: 64).joined(separator: ",") + "]"
    #expect(check(body) == .accepted(signature: "text, ErrorBody typeMismatch"))
    let documented =
      #"{"error_code":"E","error_msg":"m","x":["#
      + Array(repeating: nest.prefix(30) + nest.suffix(30), count: 2_000).joined(separator: ",")
      + "]}"
    #expect(check(documented) == .accepted(signature: "error_code, ErrorBody"))
  }

  @Test("the pair is found nested, and a body of text is the message")
  func shapes() {
    #expect(
      check(#"{"error":{"code":"401","message":"no"}}"#)
        == .accepted(signature: "nested, ErrorBody"))
    #expect(check("  gateway timeout \n") == .accepted(signature: "text, ErrorBody dataCorrupted"))
    #expect(
      ErrorBodyOracles.check(Array(#"{"error_msg":"a"#.utf8) + [0xFF, 0x22, 0x7D])
        == .accepted(signature: "text, ErrorBody dataCorrupted"))
  }

  @Test(
    "each source of the code and message signs the body its own way",
    arguments: [
      (#"{"error_code":"E","error_msg":"m"}"#, "error_code, ErrorBody"),
      (#"{"code":"E","message":"m"}"#, "code, ErrorBody"),
      (#"{"error":{"code":"E","message":"m"}}"#, "nested, ErrorBody"),
      (#"["plain"]"#, "text, ErrorBody typeMismatch"),
      (#""plain""#, "text, ErrorBody typeMismatch"),
      ("{}", "text, ErrorBody"),
      ("not json", "text, ErrorBody dataCorrupted"),
    ])
  func signatures(body: String, signature: String) {
    #expect(check(body) == .accepted(signature: signature))
  }
}
