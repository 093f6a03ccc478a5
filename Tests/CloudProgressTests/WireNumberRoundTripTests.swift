import CloudProgress
import Foundation
import Testing

/// Decode, encode, decode gives the same `WireNumber` back: the fuzzer's round-trip oracle on
/// the value alone. A zero whose exponent is beyond `Decimal`'s (`0e400`) is read by `Double`,
/// and was kept as `0.0`, which `Decimal` then wrote back as `0`: the `check` finding
/// `corpus/check/findings/4fe909969af252e0.json`.
@Suite("WireNumber round trip")
struct WireNumberRoundTripTests {
  /// Decodes `json` as a field, encodes it, decodes that again, and returns both values.
  func roundTrip(_ json: String) throws -> (first: WireNumber, again: WireNumber)? {
    guard let first = try? decodeField(WireNumber.self, json) else { return nil }
    let encoded = try encodedField(first)
    let again = try #require(try decodeField(WireNumber.self, encoded))
    return (first, again)
  }

  @Test(
    "a zero beyond Decimal's exponents reads as 0 and comes back the same",
    arguments: ["0e400", "-0e400", "0e128", "0E+999", "0e-129", "0.000e300", "-0.0e-200"])
  func zeroBeyondDecimal(wire: String) throws {
    let values = try #require(try roundTrip(wire))
    #expect(values.first.text == "0")
    #expect(values.again == values.first)
    #expect(WireNumber(wire)?.text == "0")
  }

  @Test("every number that decodes comes back the same, exponents -400 to 400")
  func exponentSweep() throws {
    let mantissas = ["0", "-0", "0.000", "1", "-1", "7.25", "-3.5", "0.001", "9007199254740993"]
    var decoded = 0
    var changed: [String] = []
    var disagreeing: [String] = []
    for mantissa in mantissas {
      for exponent in -400...400 {
        let wire = "\(mantissa)e\(exponent)"
        guard let values = try roundTrip(wire) else { continue }
        decoded += 1
        if values.again != values.first {
          changed.append("\(wire): \(values.first) then \(values.again)")
        }
        if WireNumber(wire) != values.first { disagreeing.append(wire) }
      }
    }
    // The sweep must not pass by decoding nothing: most of it is within Double's range.
    #expect(decoded > mantissas.count * 500)
    // Counted, so that a failure lists five examples rather than every number.
    #expect(changed.count == 0, "such as \(changed.prefix(5))")
    #expect(disagreeing.count == 0, "the text initializer disagrees on \(disagreeing.prefix(5))")
  }
}
