/// How a ``CassettePlayer`` records: through which transport, and whether every request
/// goes there (`all`) or only those the cassette does not answer (`once` on a new cassette,
/// `newEpisodes`).
public struct RecordingSetup: Sendable {
  /// The transport that sends upstream and records.
  public var transport: RecordingTransport
  /// Whether every request is sent upstream and recorded, the cassette ignored.
  public var recordsEverything: Bool

  /// Creates a setup.
  public init(transport: RecordingTransport, recordsEverything: Bool) {
    self.transport = transport
    self.recordsEverything = recordsEverything
  }

  /// The recorder behind the transport.
  public var recorder: CassetteRecorder { transport.recorder }
}
