import DecoderFuzz
import Testing

@Suite("FindingReport")
struct FindingReportTests {
  @Test(
    "the path pattern writes array indices as *, so one finding at many indices is one",
    arguments: [
      ("/json/details/5", "/json/details/*"), ("/json/details/12/id", "/json/details/*/id"),
      ("", ""), ("/status", "/status"), ("/a1/0x/", "/a1/0x/"),
    ])
  func pathPattern(path: String, pattern: String) {
    #expect(FindingReport(.documentedRejected, path: path, detail: "").pathPattern == pattern)
  }

  @Test("a finding without a path has no pattern")
  func noPath() {
    #expect(FindingReport(.trap, detail: "signal 4").pathPattern == nil)
  }
}
