import Testing

@testable import Tape

/// A pattern's leading literal lets redaction skip the regular expression on strings that
/// cannot match; a wrong literal would let a secret through, so each rule is checked.
@Suite("Redaction patterns: the literal checked first")
struct RedactionPatternTests {
  @Test(
    "the literal is what every match starts with",
    arguments: [
      (#"MII[A-Za-z0-9+/=_-]{20,}"#, "MII"),
      (#"Signature=[0-9a-fA-F]{64}"#, "Signature="),
      (#"acct-[0-9]{8}"#, "acct-"),
      ("ab?c", "a"),
      ("abc*", "ab"),
      ("ab{0,2}", "a"),
      ("ab+", "ab"),
      ("a|b", ""),
      ("(?i)token", ""),
      (#"\d+"#, ""),
      ("x*", ""),
    ])
  func literal(pattern: String, prefix: String) {
    #expect(CompiledPattern.literalPrefix(of: pattern) == prefix)
  }

  @Test("a pattern whose second character is optional still redacts where it is absent")
  func optionalCharacter() {
    let redactor = Redactor(patterns: ["tok?en-[0-9]{4}"])
    #expect(redactor.redact(text: "a toen-1234 b") == "a <REDACTED> b")
    #expect(redactor.redact(text: "a token-1234 b") == "a <REDACTED> b")
    #expect(redactor.redact(text: "nothing here") == "nothing here")
  }

  @Test("changing the patterns of a redactor changes what it redacts")
  func patternsFollowChanges() {
    var redactor = Redactor(patterns: ["acct-[0-9]{8}"])
    #expect(redactor.redact(text: "acct-12345678 key-99") == "<REDACTED> key-99")
    redactor.patterns = ["key-[0-9]{2}"]
    #expect(redactor.redact(text: "acct-12345678 key-99") == "acct-12345678 <REDACTED>")
    #expect(redactor == Redactor(patterns: ["key-[0-9]{2}"]))
  }
}
