import JSONTree

/// FNV-1a, 64 bits, fed by an unambiguous walk of a tree (see ``StableHash/fnv1a(_:)-(JSONValue)``):
/// a type tag before each value, strings and lexemes ended by 0xFF (which UTF-8 never holds),
/// containers closed by a tag. Callers that hash a part of a tree without building it
/// (``ProgressFields/cosmeticPartHash(of:)``) feed the same walk by hand.
struct TreeHasher {
  /// The hash so far.
  private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

  /// Tags of the walk.
  static let nullTag: UInt8 = 0
  static let falseTag: UInt8 = 1
  static let trueTag: UInt8 = 2
  static let numberTag: UInt8 = 3
  static let stringTag: UInt8 = 4
  static let arrayStart: UInt8 = 5
  static let arrayEnd: UInt8 = 6
  static let objectStart: UInt8 = 7
  static let objectEnd: UInt8 = 8

  /// Mixes one byte.
  @inline(__always)
  mutating func mix(_ byte: UInt8) {
    value ^= UInt64(byte)
    value &*= 0x100_0000_01B3
  }

  /// Mixes a text and its end mark.
  mutating func mix(text: String) {
    var text = text
    text.withUTF8 { bytes in
      for byte in bytes { mix(byte) }
    }
    mix(0xFF)
  }

  /// Mixes a whole value.
  mutating func walk(_ tree: JSONValue) {
    switch tree {
    case .null: mix(Self.nullTag)
    case .bool(let flag): mix(flag ? Self.trueTag : Self.falseTag)
    case .number(let lexeme):
      mix(Self.numberTag)
      mix(text: lexeme)
    case .string(let text):
      mix(Self.stringTag)
      mix(text: text)
    case .array(let elements):
      mix(Self.arrayStart)
      for element in elements { walk(element) }
      mix(Self.arrayEnd)
    case .object(let members):
      mix(Self.objectStart)
      for member in members {
        mix(text: member.key)
        walk(member.value)
      }
      mix(Self.objectEnd)
    }
  }
}
