import CloudProgress
import Foundation
import Testing

@Suite("LongTimestamp")
struct LongTimestampTests {
  @Test("the documented value beyond Int64 decodes and encodes back with the same digits")
  func documentedHugeValue() throws {
    let timestamp = try #require(try decodeField(LongTimestamp.self, "9223372036854776000"))
    #expect(timestamp.wireValue == .number(try #require(WireNumber("9223372036854776000"))))
    #expect(timestamp.milliseconds == nil)
    #expect(timestamp.date == nil)
    #expect(try encodedField(timestamp) == "9223372036854776000")
  }

  @Test(
    "milliseconds and date only for integers that are representable instants",
    arguments: [
      ("1700000000000", Int64(1_700_000_000_000), "2023-11-14T22:13:20Z"),
      ("\"1700000000000\"", 1_700_000_000_000, "2023-11-14T22:13:20Z"),
      ("-1000", -1000, "1969-12-31T23:59:59Z"),
      ("0", 0, "1970-01-01T00:00:00Z"),
      ("8640000000000000", 8_640_000_000_000_000, "+275760-09-13T00:00:00Z"),
    ] as [(String, Int64, String)])
  func representable(wire: String, milliseconds: Int64, iso8601: String) throws {
    let timestamp = try #require(try decodeField(LongTimestamp.self, wire))
    #expect(timestamp.milliseconds == milliseconds)
    let date = try #require(timestamp.date)
    #expect(date.timeIntervalSince1970 * 1000 == Double(milliseconds))
    if !iso8601.hasPrefix("+") { #expect(date.formatted(.iso8601) == iso8601) }
    #expect(try encodedField(timestamp) == wire)
  }

  @Test(
    "unrepresentable values are kept with no date",
    arguments: [
      ("9223372036854775807", Int64.max as Int64?),
      ("-9223372036854775809", nil), ("8640000000000001", 8_640_000_000_000_001),
      ("1.5", nil), ("\"1,700\"", nil), ("\"soon\"", nil), ("true", nil), ("\"\"", nil),
    ])
  func unrepresentable(wire: String, milliseconds: Int64?) throws {
    let timestamp = try #require(try decodeField(LongTimestamp.self, wire))
    #expect(timestamp.milliseconds == milliseconds)
    #expect(timestamp.date == nil)
    #expect(try encodedField(timestamp) == wire)
    #expect(timestamp.description.contains("not a representable instant"))
  }

  @Test("null is an absent timestamp; an object is an error naming the path")
  func nullAndObjects() throws {
    #expect(try decodeField(LongTimestamp.self, "null") == nil)
    let error = #expect(throws: DecodingError.self) {
      try decodeField(LongTimestamp.self, "{\"ms\": 1}")
    }
    #expect(pointerTokens(of: error) == ["value"])
  }

  @Test("created from milliseconds, it encodes as a JSON number")
  func fromMilliseconds() throws {
    #expect(try encodedField(LongTimestamp(milliseconds: -5)) == "-5")
  }
}
