/// The coding key of an array element: its index.
struct IndexCodingKey: CodingKey {
  let index: Int

  init(_ index: Int) { self.index = index }
  init?(stringValue: String) { nil }
  init(intValue: Int) { self.index = intValue }

  var stringValue: String { String(index) }
  var intValue: Int? { index }
}

/// A member name as a coding key, for paths built while encoding and for ``JSONValue``'s
/// own `Codable` conformance.
struct MemberCodingKey: CodingKey {
  let stringValue: String

  init(_ name: String) { self.stringValue = name }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }

  var intValue: Int? { nil }
}
