/// A recorded session: the interactions with a service, in the order they happened.
///
/// Stored as one canonical JSON file (see ``CassetteFile``): sorted keys, two-space
/// indentation, a final newline, headers as sorted `[name, value]` pairs, bodies as
/// `{"json": ...}`, `{"text": ...}` or `{"base64": ...}`.
public struct Cassette: Hashable, Sendable {
  /// The version of the format this Tape writes and the newest it reads.
  public static let currentFormatVersion = 1

  /// The format version the cassette was read with or will be written with.
  public var formatVersion: Int
  /// When it was recorded (ISO 8601), one time for the whole cassette.
  public var recordedAt: String?
  /// Free-form notes, such as `origin: recorded`.
  public var metadata: [String: String]
  /// The interactions, in recorded order.
  public var interactions: [Interaction]

  /// Creates a cassette.
  public init(
    interactions: [Interaction], recordedAt: String? = nil, metadata: [String: String] = [:],
    formatVersion: Int = Cassette.currentFormatVersion
  ) {
    self.formatVersion = formatVersion
    self.recordedAt = recordedAt
    self.metadata = metadata
    self.interactions = interactions
  }
}
