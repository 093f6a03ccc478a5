/// Decodes `Decodable` values from a ``JSONValue`` or from JSON bytes, keeping every number's
/// exact lexeme.
///
/// Foundation's `JSONDecoder` reads numbers through `Decimal` and `Double`, so
/// `1.00000000000000000000000000000000000000001` arrives as `1`, and on Linux it traps on
/// some truncated documents nested deeper than 512 levels. This decoder works on a tree that
/// ``JSONParser`` built (strict grammar, bounded depth, never a trap), and hands a type that
/// decodes a ``JSONValue`` the value exactly as written. Errors are `DecodingError`s with the
/// coding path, as `JSONDecoder`'s are; a document that does not parse is a
/// `DecodingError.dataCorrupted` whose underlying error is the ``JSONParseError`` (line,
/// column, pointer).
///
/// Integers are read only from integer lexemes: `1.0` and `1e2` are not an `Int`.
public struct JSONValueDecoder: Sendable {
  /// Creates a decoder.
  public init() {}

  /// Decodes a value from a tree.
  public func decode<Value: Decodable>(_ type: Value.Type, from document: JSONValue) throws
    -> Value
  {
    try ValueDecoder(value: document).decode(type)
  }

  /// Parses `bytes` with ``JSONParser`` and decodes a value from the tree.
  public func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Collection<UInt8>)
    throws -> Value
  {
    let document: JSONValue
    do {
      document = try JSONParser().parse(bytes)
    } catch {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: error.pointer.tokens.map { MemberCodingKey($0) },
          debugDescription: "not valid JSON: \(error)", underlyingError: error))
    }
    return try decode(type, from: document)
  }
}
