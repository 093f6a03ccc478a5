import Testing

@testable import TapeCommandLine

/// How `tape decode` cuts what it prints: long lines after 1,000 Unicode scalars, long
/// string fields after ``ModelPrinter/shownCharacters``, never inside a scalar.
@Suite("tape decode: cutting long output")
struct DecodeOutputCutTests {
  @Test("short text is unchanged; only the long lines are cut, at 1,000 scalars")
  func lines() {
    let short = String(repeating: "a\n", count: 600)
    #expect(DecodeCommand.abbreviated(short) == short, "1,200 bytes, no long line")
    let accented = String(repeating: "é", count: 1_500)  // 2 bytes a scalar
    let text = "first\n" + accented + "\n\nlast"
    let cut = DecodeCommand.abbreviated(text)
    #expect(
      cut == "first\n" + String(repeating: "é", count: 1_000)
        + "... (1000 more bytes not shown)\n\nlast")
    let exactly = String(repeating: "€", count: 1_000)  // 3 bytes a scalar, not cut
    #expect(DecodeCommand.abbreviated(exactly + "\nx") == exactly + "\nx")
    #expect(DecodeCommand.abbreviated(exactly + "😀") == exactly + "... (4 more bytes not shown)")
  }

  @Test("a long string field shows its first scalars, its size and what is not shown")
  func quotedFields() {
    let shown = ModelPrinter.shownCharacters
    #expect(ModelPrinter.quoted("a\\b\nc") == #""a\\b\nc""#)
    let exactly = String(repeating: "é", count: shown)
    #expect(ModelPrinter.quoted(exactly) == "\"\(exactly)\"")
    let long = String(repeating: "é", count: shown + 5)
    #expect(
      ModelPrinter.quoted(long)
        == "\"\(exactly)\"... (\(2 * (shown + 5)) bytes, 10 not shown)")
  }
}
