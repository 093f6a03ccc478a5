import Foundation
import JSONTree
import Testing

/// The encoder decides once per type which scalar a value is written as; every kind of
/// value is written as when each value was cast in turn.
@Suite("JSONValueEncoder scalar kinds")
struct JSONValueEncoderKindTests {
  final class Box: Encodable {
    let inner: Int16 = -3
  }

  enum Color: String, Encodable {
    case red
  }

  struct Everything: Encodable {
    var int8: Int8 = -8
    var uint16: UInt16 = 16
    var int32: Int32 = -32
    var uint64: UInt64 = .max
    var int64: Int64? = .min
    var noInt: Int? = nil
    var int: Int = 7
    var bytes: [UInt8] = [0, 255]
    var decimal = Decimal(string: "1.25")!
    var float: Float = 0.5
    var double = 2.5
    var flag: Bool? = true
    var text: String? = "t"
    var nested: Int?? = .some(nil)
    var box = Box()
    var color = Color.red
    var colors: [Color?] = [nil, .red]
    var tree = JSONValue.number("1.50")
    var trees: [JSONValue] = [.null, .string("s")]
  }

  @Test("integers of every width, optionals, classes, enums, trees and decimals")
  func everyKind() throws {
    let text = try JSONValueEncoder().encode(Everything()).serialized()
    #expect(
      text == #"{"int8":-8,"uint16":16,"int32":-32,"uint64":18446744073709551615,"#
        + #""int64":-9223372036854775808,"int":7,"bytes":[0,255],"decimal":1.25,"float":0.5,"#
        + #""double":2.5,"flag":true,"text":"t","nested":null,"box":{"inner":-3},"#
        + #""color":"red","colors":[null,"red"],"tree":1.50,"trees":[null,"s"]}"#)
    // The same values again, now that every type's kind is decided.
    #expect(try JSONValueEncoder().encode(Everything()).serialized() == text)
  }

  @Test("a scalar that cannot be encoded inside an array is reported at its index")
  func errorInArray() throws {
    do {
      _ = try JSONValueEncoder().encode(["a": [1.0, .infinity]])
      Issue.record("infinity encoded")
    } catch let EncodingError.invalidValue(_, context) {
      #expect(context.codingPath.map(\.stringValue) == ["a", "1"])
    }
  }
}
