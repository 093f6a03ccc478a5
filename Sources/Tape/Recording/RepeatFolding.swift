/// Stores a run of identical exchanges once with a repeat count, so that a long polling
/// session stays a short, reviewable file.
///
/// Two neighbouring interactions are the same exchange when their requests and responses
/// are equal apart from the headers that change on every exchange (``volatileHeaders``:
/// `Date`, `X-Request-Id`, `X-Sdk-Date`); the run keeps the first one's headers, offset and
/// duration, and the offset of every repeat (``Interaction/repeatOffsets``), so a folded run
/// replays on the recorded cadence as the unfolded one would.
enum RepeatFolding {
  /// Header names (lower case) ignored when comparing neighbours.
  static let volatileHeaders: Set<String> = ["date", "x-request-id", "x-sdk-date"]

  static func fold(_ interactions: [Interaction]) -> [Interaction] {
    var result: [Interaction] = []
    result.reserveCapacity(interactions.count)
    for interaction in interactions {
      if let last = result.last, same(last, interaction) {
        // Offsets known for every repeat of both, or for none (an old cassette's run).
        let knows = { (run: Interaction) in run.repeatOffsets.count == run.repeatCount - 1 }
        result[result.count - 1].repeatOffsets =
          knows(last) && knows(interaction)
          ? last.repeatOffsets + [interaction.offset] + interaction.repeatOffsets : []
        result[result.count - 1].repeatCount += interaction.repeatCount
        result[result.count - 1].redactions = Array(
          Set(last.redactions + interaction.redactions)
        ).sorted()
      } else {
        result.append(interaction)
      }
    }
    return result
  }

  private static func same(_ left: Interaction, _ right: Interaction) -> Bool {
    left.request.method == right.request.method && left.request.url == right.request.url
      && left.request.body == right.request.body && left.response.status == right.response.status
      && left.response.body == right.response.body
      && stable(left.request.headers) == stable(right.request.headers)
      && stable(left.response.headers) == stable(right.response.headers)
  }

  private static func stable(_ headers: HeaderFields) -> [HeaderFields.Field] {
    headers.fields.filter { !volatileHeaders.contains($0.name.lowercased()) }
  }
}
