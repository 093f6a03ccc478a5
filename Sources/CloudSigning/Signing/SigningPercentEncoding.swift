/// The percent-encoding of the signing algorithm: keep `A-Z a-z 0-9 - _ . ~`, encode every
/// other byte as `%XX` with uppercase hex; and a lenient decoding of what arrives on the wire.
enum SigningPercentEncoding {
  private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

  /// Appends the encoded form of `bytes` to `output`.
  static func encode(_ bytes: some Sequence<UInt8>, into output: inout [UInt8]) {
    for byte in bytes {
      if isUnreserved(byte) {
        output.append(byte)
      } else {
        output.append(UInt8(ascii: "%"))
        output.append(upperHexDigits[Int(byte >> 4)])
        output.append(upperHexDigits[Int(byte & 0x0F)])
      }
    }
  }

  /// Decodes `%XX` escapes (either case of hex). A `%` that does not start a valid escape is
  /// kept as a literal byte, so that decoding never fails; with `plusIsSpace`, `+` is a space
  /// as in a form-encoded query.
  static func decode(_ bytes: some Collection<UInt8>, plusIsSpace: Bool) -> [UInt8] {
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      bytes.formIndex(after: &index)
      if byte == UInt8(ascii: "%"), index != bytes.endIndex,
        let high = hexValue(bytes[index]),
        case let lowIndex = bytes.index(after: index), lowIndex != bytes.endIndex,
        let low = hexValue(bytes[lowIndex])
      {
        decoded.append(high << 4 | low)
        index = bytes.index(after: lowIndex)
      } else if plusIsSpace, byte == UInt8(ascii: "+") {
        decoded.append(UInt8(ascii: " "))
      } else {
        decoded.append(byte)
      }
    }
    return decoded
  }

  /// Decodes what arrived on the wire, then encodes it the signing way.
  static func reencode(_ bytes: some Collection<UInt8>, plusIsSpace: Bool) -> [UInt8] {
    var output: [UInt8] = []
    encode(decode(bytes, plusIsSpace: plusIsSpace), into: &output)
    return output
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
      UInt8(ascii: "."), UInt8(ascii: "~"):
      true
    default: false
    }
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
