import Foundation
import JSONTree
import LoopbackHTTP
import Synchronization
import Tape

/// Answers of CodeArts Check for the drift tests, and a loopback stand-in that serves them.
enum DriftFixtures {
  static let checkURL = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"

  /// A documented answer.
  static let documented = #"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#
  /// The same answer with the ratio sent as a number: one member's JSON type changed.
  static let ratioAsNumber = #"{"task_status":0,"progress":{"ratio":50,"info":"running"}}"#
  /// A value no report may show: it sits in a member the models do not know.
  static let secretValue = "s3cr3t-live-value-9f8e7d"
  /// An answer with four kinds of drift: a member the models do not know (`/new_field`),
  /// an undocumented status (7), a wire anomaly (a ratio beyond 100%) and, as no answer
  /// here has it, the documented `/progress/info` never comes.
  static let drifted =
    #"{"task_status":7,"progress":{"ratio":"150%"},"new_field":{"a":"\#(secretValue)"}}"#
  /// An answer the models cannot read: `progress` is an array.
  static let undecodable = #"{"task_status":0,"progress":[1]}"#

  /// The drift report of ``drifted`` then ``undecodable``, each kind once.
  static let expectedFindings: [String] = [
    "check /new_field: member the models do not know: object",
    "check /progress: answer that did not decode: typeMismatch: found array",
    "check /progress/ratio: wire anomaly: documented percentage \"0%\" to \"100%\", found string",
    "check /task_status: undocumented value: 7",
  ]

  /// One recorded check interaction.
  static func interaction(_ json: String, status: Int = 200, url: String = checkURL) throws
    -> Interaction
  {
    Interaction(
      request: RecordedRequest(method: "GET", url: url),
      response: RecordedResponse(
        status: status, body: RecordedBody(.json(try JSONParser().parse(Data(json.utf8))))))
  }

  /// A folder of its own below the temporary directory.
  static func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appending(path: "drift-\(UUID().uuidString)")
  }
}

/// A loopback server answering each request with the next of a list of answers (the last
/// repeats), as JSON with its status.
final class ScriptedServer: Sendable {
  let server: HTTPServer
  private let script: Script

  /// The answers still to come.
  final class Script: Sendable {
    let answers: Mutex<[(status: Int, body: String)]>

    init(_ answers: [(status: Int, body: String)]) {
      self.answers = Mutex(answers)
    }

    func next() -> (status: Int, body: String) {
      answers.withLock { queue in queue.count > 1 ? queue.removeFirst() : queue[0] }
    }
  }

  init(_ answers: [(status: Int, body: String)]) throws {
    let script = Script(answers)
    self.script = script
    server = try HTTPServer.start { _ in
      let answer = script.next()
      return HTTPResponse.json(text: answer.body, status: answer.status)
    }
  }

  /// Replaces the answers still to come.
  func answer(_ answers: [(status: Int, body: String)]) {
    script.answers.withLock { $0 = answers }
  }

  var baseURL: URL { server.baseURL }

  func stop() async { await server.stop() }
}
