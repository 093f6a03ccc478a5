/// An `until` for a recording command that is never asked to stop: it returns only when
/// the command cancels it (`until: {}` asks a recording to stop at once).
@Sendable func neverAskedToStop() async {
  try? await Task.sleep(for: .seconds(86_400))
}
