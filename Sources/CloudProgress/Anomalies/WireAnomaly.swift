import JSONTree

/// A value the service sent that does not match the documentation, kept as it came.
///
/// A field the progress does not depend on (a name, a timestamp, a user id) never makes an
/// answer undecodable: when it arrives as another type or out of range, the model keeps the
/// value it found here and leaves the field nil, and encoding writes the value back as it
/// came. A documented value in another spelling (`"1"` where `1` is documented, `"success"`
/// for `SUCCESS`) is noted here too, with the documented value it was read as. This is how
/// drift in the live API shows up (`tape decode` prints these) without breaking a poller.
public struct WireAnomaly: Hashable, Sendable, CustomStringConvertible {
  /// Where the value sits in the answer, such as `/json/details/0/id`.
  public let path: JSONPointer
  /// What the documentation says the value is, such as `string` or `one of 0, 1`.
  public let documentedType: String
  /// The value exactly as it came.
  public let found: JSONValue
  /// The documented value it was read as, when it was read at all.
  public let readAs: String?

  /// Creates an anomaly.
  public init(path: JSONPointer, documentedType: String, found: JSONValue, readAs: String? = nil) {
    self.path = path
    self.documentedType = documentedType
    self.found = found
    self.readAs = readAs
  }

  /// `/name: documented string, found number 5 (kept, not read)`.
  public var description: String {
    var found = self.found.serialized()
    if found.utf8.count > 80 { found = String(found.prefix(77)) + "..." }
    let reading = readAs.map { "read as \($0)" } ?? "kept, not read"
    return "\(path.displayText): documented \(documentedType), found \(self.found.typeName) "
      + "\(found) (\(reading))"
  }
}
