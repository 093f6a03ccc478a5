import CloudProgress
import Testing

@Suite("Percentage")
struct PercentageTests {
  @Test(
    "parses the ratio forms and keeps the wire value",
    arguments: [
      ("\"50%\"", 50.0 as Double?, true), ("\"50\"", 50, true), ("\"50.5%\"", 50.5, true),
      ("\"0%\"", 0, true), ("\"100%\"", 100, true), ("\" 75 % \"", 75, true),
      ("\".5%\"", 0.5, true), ("42", 42, true), ("99.5", 99.5, true),
      ("\"150%\"", 150, false), ("\"-5%\"", -5, false), ("101", 101, false),
      ("\"1,000\"", nil, false), ("\"NaN\"", nil, false), ("\"Infinity\"", nil, false),
      ("\"0x10\"", nil, false), ("\"\"", nil, false), ("\"%\"", nil, false),
      ("\"50%%\"", nil, false), ("\"+5\"", nil, false), ("\"1e2\"", nil, false),
      ("true", nil, false), ("\"5.\"", 5, true), ("\"-\"", nil, false), ("\"--1\"", nil, false),
      ("\"1.2.3\"", nil, false), ("\"\\t7\\t\"", 7, true), ("\"5-\"", nil, false),
      ("\"5\u{301}%\"", nil, false),
    ])
  func parses(wire: String, value: Double?, isWithinRange: Bool) throws {
    let ratio = try #require(try decodeField(Percentage.self, wire))
    #expect(ratio.value == value)
    #expect(ratio.isWithinRange == isWithinRange)
    #expect(ratio.percentWithinRange == (isWithinRange ? value : nil))
    #expect(try encodedField(ratio) == wire.trimmingPrefix(" "))
  }

  @Test("out-of-range values are flagged, not clamped")
  func flagsOutOfRange() {
    let ratio = Percentage(wireValue: "150%")
    #expect(ratio.value == 150)
    #expect(ratio.description == "150.0% out of range (\"150%\")")
  }

  @Test("an unparsable value says so and keeps its text")
  func unparsable() {
    #expect(Percentage(wireValue: "half").description == "unparsable \"half\"")
  }

  @Test("a 64 KiB ratio is read byte by byte: zeros parse, letters do not")
  func hugeRatio() {
    #expect(Percentage(wireValue: .string(String(repeating: "0", count: 65_536) + "%")).value == 0)
    #expect(Percentage(wireValue: .string(String(repeating: "a", count: 65_536))).value == nil)
    #expect(
      Percentage(wireValue: .string(String(repeating: "\u{5BFC}", count: 65_536))).value == nil)
  }

  @Test("a null ratio is nil")
  func nullRatio() throws {
    #expect(try decodeField(Percentage.self, "null") == nil)
  }
}
