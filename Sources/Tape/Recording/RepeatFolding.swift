/// Stores a run of identical exchanges once with a repeat count, so that a long polling
/// session stays a short, reviewable file.
///
/// Two neighbouring interactions are the same exchange when their requests and responses
/// are equal; the run keeps the first one's offset and duration.
enum RepeatFolding {
  static func fold(_ interactions: [Interaction]) -> [Interaction] {
    var result: [Interaction] = []
    result.reserveCapacity(interactions.count)
    for interaction in interactions {
      if let last = result.last, last.request == interaction.request,
        last.response == interaction.response
      {
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
}
