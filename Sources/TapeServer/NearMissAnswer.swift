import JSONTree
import LoopbackHTTP
import Tape

extension ReplayFailure {
  /// The answer to a request the cassette does not answer, from `tape serve` and from
  /// `tape proxy` replaying in `once` mode alike: 404, with a JSON body holding the
  /// near-miss report (`report`).
  var notFoundAnswer: HTTPResponse {
    let document = JSONValue.object([
      JSONMember("error", .string("no interaction of the cassette matches this request")),
      JSONMember("report", .string(report)),
    ])
    return .json(text: document.serialized(), status: 404)
  }
}
