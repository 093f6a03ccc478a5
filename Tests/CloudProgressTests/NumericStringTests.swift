import CloudProgress
import Testing

@Suite("NumericString")
struct NumericStringTests {
  @Test(
    "keeps the raw value and reads the integer when there is one",
    arguments: [
      ("\"1\"", Int64(1) as Int64?), ("\"0\"", 0), ("\"-3\"", -3), ("\"007\"", 7),
      ("\"9223372036854775807\"", .max), ("\"9223372036854775808\"", nil), ("\"1,000\"", nil),
      ("\" 1\"", nil), ("\"1e3\"", nil), ("\"+1\"", nil), ("\"\"", nil), ("\"many\"", nil),
      ("12", 12), ("1.5", nil), ("false", nil),
    ])
  func interprets(wire: String, integer: Int64?) throws {
    let number = try #require(try decodeField(NumericString.self, wire))
    #expect(number.integer == integer)
    #expect(try encodedField(number) == wire)
  }

  @Test("created from an integer, it is sent as a string")
  func fromInteger() throws {
    #expect(try encodedField(NumericString(25)) == "\"25\"")
    #expect(NumericString(wireValue: "x").description == "unparsable \"x\"")
  }
}
