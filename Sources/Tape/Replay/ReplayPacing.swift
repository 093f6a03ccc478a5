/// When the player delivers each response.
public enum ReplayPacing: Hashable, Sendable {
  /// At once.
  case immediate
  /// After the interaction's recorded duration.
  case recordedLatency
  /// At the recorded cadence: each response no earlier than its recorded offset plus
  /// duration, counted from the first request of the replay.
  case recordedCadence
}
