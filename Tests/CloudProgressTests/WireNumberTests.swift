import CloudProgress
import Foundation
import Testing

@Suite("WireNumber")
struct WireNumberTests {
  @Test(
    "encodes back the digits it decoded",
    arguments: [
      ("9223372036854776000", "9223372036854776000"),
      ("9223372036854775807", "9223372036854775807"),
      ("9223372036854775808", "9223372036854775808"),
      ("-9223372036854775809", "-9223372036854775809"),
      ("18446744073709551616", "18446744073709551616"),
      ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
      ("1.5", "1.5"), ("-42", "-42"), ("0.001", "0.001"),
      ("1e2", "100"), ("-0", "0"), ("1e200", "1e+200"),
    ])
  func roundTrips(wire: String, expected: String) throws {
    #expect(try roundTripField(WireNumber.self, wire) == expected)
    #expect(try decodeField(WireNumber.self, wire)?.text == expected)
  }

  @Test("a number beyond Double's range is a decoding error naming its path")
  func outOfRange() {
    for wire in ["1e309", "-1e309", "1E400"] {
      let error = #expect(throws: DecodingError.self) { try decodeField(WireNumber.self, wire) }
      #expect(pointerTokens(of: error) == ["value"])
      #expect("\(String(describing: error))".contains("outside the range"))
    }
  }

  @Test(
    "through the safe entry point the lexeme is kept exactly, beyond Double too",
    arguments: [
      "1e2", "-0", "1.0", "1e400", "-1E-400", "1.00000000000000000000000000000000000000001",
      "9223372036854776000",
    ])
  func exactLexeme(wire: String) throws {
    let task = try InsightImportTask(jsonData: Data(#"{"create_date": \#(wire)}"#.utf8))
    #expect(task.createDate?.wireValue.jsonValue == .number(wire))
    #expect(String(decoding: try task.jsonData(), as: UTF8.self) == #"{"create_date":\#(wire)}"#)
  }

  @Test("the text initializer accepts only JSON numbers")
  func textInitializer() {
    #expect(WireNumber("12")?.int64Value == 12)
    #expect(WireNumber("1.50")?.text == "1.5")
    for invalid in ["", "01", "1.", ".5", "+1", "0x10", "NaN", "Infinity", "1e309", "12abc"] {
      #expect(WireNumber(invalid) == nil, "\(invalid)")
    }
  }
}

@Suite("WireNumber errors")
struct WireNumberErrorTests {
  struct Required: Decodable {
    var value: WireNumber
  }

  @Test("null and strings are reported as such, not as out of range")
  func nullAndStrings() {
    let null = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Required.self, from: Data(#"{"value": null}"#.utf8))
    }
    guard case .valueNotFound = null else {
      Issue.record("expected valueNotFound, got \(String(describing: null))")
      return
    }
    let text = #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Required.self, from: Data(#"{"value": "12"}"#.utf8))
    }
    guard case .typeMismatch = text else {
      Issue.record("expected typeMismatch, got \(String(describing: text))")
      return
    }
  }
}
