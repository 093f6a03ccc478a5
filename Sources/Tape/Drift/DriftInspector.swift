/// Reads recorded answers against an API's models, for the drift report every recording
/// writes (``CassetteRecorder/init(redactor:liveSecrets:environment:elapsed:drift:)``).
///
/// Tape knows no API: the inspector is handed to it, like the redactor. It returns nil for
/// an interaction of an API it does not know, which the report leaves out. The interactions
/// it reads are already redacted.
public struct DriftInspector: Sendable {
  private let read: @Sendable (Interaction) -> AnswerReading?

  /// Creates an inspector from what it reads of one interaction.
  public init(_ read: @escaping @Sendable (Interaction) -> AnswerReading?) {
    self.read = read
  }

  /// What the inspector reads from `interaction`; nil when it does not know its API.
  public func reading(of interaction: Interaction) -> AnswerReading? {
    read(interaction)
  }

  /// The readings of every interaction it knows, in order.
  public func readings(of interactions: [Interaction]) -> [AnswerReading] {
    interactions.compactMap(read)
  }
}
