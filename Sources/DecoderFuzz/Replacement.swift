import JSONTree

/// Bytes a mutation writes, made once, with the text its record shows as the argument.
struct Replacement: Sendable {
  /// The bytes written.
  var bytes: [UInt8]
  /// The mutation's argument: the value as JSON text, a name, a length.
  var argument: String

  /// A value written as compact JSON; the argument is the same text.
  init(_ value: JSONValue) {
    bytes = JSONWriter.bytes(of: value)
    argument = String(decoding: bytes, as: UTF8.self)
  }

  /// Bytes with their own argument.
  init(bytes: [UInt8], argument: String) {
    self.bytes = bytes
    self.argument = argument
  }
}
