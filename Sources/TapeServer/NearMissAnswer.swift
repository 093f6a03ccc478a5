import JSONTree
import LoopbackHTTP
import Tape

extension ReplayFailure {
  /// The near-miss report for a client that reached the cassette (`cassette`, its path)
  /// over HTTP: it says how to record the request through `tape proxy`.
  func reportOverHTTP(cassette: String) -> String {
    report.replacingOccurrences(
      of: RecordingHint.missingInteraction,
      with: RecordingHint.missingInteractionOverHTTP(cassette: cassette))
  }

  /// The answer to a request the cassette does not answer, from `tape serve` and from
  /// `tape proxy` replaying in `once` mode alike: 404, with a JSON body holding the
  /// near-miss report (`report`, as ``reportOverHTTP(cassette:)`` words it).
  func notFoundAnswer(cassette: String) -> HTTPResponse {
    let document = JSONValue.object([
      JSONMember("error", .string("no interaction of the cassette matches this request")),
      JSONMember("report", .string(reportOverHTTP(cassette: cassette))),
    ])
    return .json(text: document.serialized(), status: 404)
  }
}
