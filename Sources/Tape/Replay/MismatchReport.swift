import Foundation
import JSONTree

/// Writes the report of a request the player could not answer: the cassette, the request
/// (redacted), the closest recorded interaction with a verdict per matcher and a JSON-aware
/// body diff, a hint when everything matched but was already played, and how to add what
/// is missing (``RecordingHint``).
enum MismatchReport {
  static func unmatched(_ live: RequestSnapshot, player: CassettePlayer, plays: [Int])
    -> ReplayFailure
  {
    let request = describe(live, redactor: player.configuration.redactor)
    var lines = [
      "Tape: no interaction in \(player.source) matches this request.", "", "Request:",
    ]
    lines += request.split(separator: "\n").map { "  " + $0 }
    if let closest = closest(to: live, in: player) {
      lines += [
        "", "Closest recorded interaction: #\(closest) (played \(times(plays[closest])))",
      ]
      lines += verdicts(
        live, recorded: player.snapshots[closest], matchers: player.configuration.matchers)
    } else {
      lines += ["", "The cassette has no interactions."]
    }
    lines += ["", RecordingHint.missingInteraction]
    return ReplayFailure(kind: .unmatched, request: request, report: lines.joined(separator: "\n"))
  }

  static func exhausted(
    _ live: RequestSnapshot, candidates: [Int], player: CassettePlayer, plays: [Int]
  ) -> ReplayFailure {
    let request = describe(live, redactor: player.configuration.redactor)
    let served = candidates.map { plays[$0] }.reduce(0, +)
    let list = candidates.map { "#\($0)" }.joined(separator: ", ")
    var lines = [
      "Tape: every recorded answer to this request in \(player.source) was already served "
        + "(exhaustion policy: fail).", "", "Request:",
    ]
    lines += request.split(separator: "\n").map { "  " + $0 }
    lines += [
      "",
      "Hint: interaction\(candidates.count == 1 ? "" : "s") \(list) matched and "
        + "\(candidates.count == 1 ? "was" : "were") already played \(times(served)); "
        + "this is request \(served + 1). Use the policy repeatLast or cycle, or a longer session.",
      "", RecordingHint.missingInteraction,
    ]
    return ReplayFailure(kind: .exhausted, request: request, report: lines.joined(separator: "\n"))
  }

  /// `1 time`, `3 times`.
  static func times(_ count: Int) -> String {
    "\(count) time\(count == 1 ? "" : "s")"
  }

  /// `GET https://host/path?query`, then the headers, secrets redacted, then the body; the
  /// request is one the player already redacted, and every line passes through the
  /// redactor's patterns once more.
  static func describe(_ request: RequestSnapshot, redactor: Redactor) -> String {
    var lines = [
      redactor.redact(text: "\(request.method) \(request.origin)\(request.pathAndQuery)")
    ]
    lines += redactor.headerLines(request.headers)
    if !request.body.isEmpty {
      if redactor.bodyIsSecret(path: request.path) {
        lines.append("body: <redacted: \(request.body.count) bytes>")
      } else {
        let text = redactor.redact(text: String(decoding: request.body.prefix(400), as: UTF8.self))
        lines.append("body: \(text)\(request.body.count > 400 ? "…" : "")")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The interaction agreeing with the most matchers; the earliest on a tie.
  private static func closest(to live: RequestSnapshot, in player: CassettePlayer) -> Int? {
    let matchers = player.configuration.matchers
    return player.snapshots.indices.max { left, right in
      let leftScore = matchers.count(where: { $0.agrees(live, player.snapshots[left]) })
      let rightScore = matchers.count(where: { $0.agrees(live, player.snapshots[right]) })
      return leftScore == rightScore ? left > right : leftScore < rightScore
    }
  }

  private static func verdicts(
    _ live: RequestSnapshot, recorded: RequestSnapshot, matchers: [RequestMatcher]
  ) -> [String] {
    var lines = ["  \(recorded.method) \(recorded.origin)\(recorded.pathAndQuery)"]
    let width = matchers.map(\.name.count).max() ?? 0
    for matcher in matchers {
      let name = matcher.name.padding(toLength: width, withPad: " ", startingAt: 0)
      guard !matcher.agrees(live, recorded) else {
        lines.append("  \(name)  ✓")
        continue
      }
      switch matcher.rule {
      case .predicate:
        lines.append("  \(name)  ✗ (custom matcher)")
      case .key where matcher.name == RequestMatcher.body.name:
        lines.append("  \(name)  ✗")
        lines += bodyDifference(live: live.body, recorded: recorded.body).map { "      " + $0 }
      case .key(let key):
        lines.append("  \(name)  ✗ recorded \(quoted(key(recorded))), got \(quoted(key(live)))")
      }
    }
    return lines
  }

  private static func bodyDifference(live: Data, recorded: Data) -> [String] {
    let parser = JSONParser()
    if let old = try? parser.parse(recorded), let new = try? parser.parse(live) {
      return JSONDifference.lines(recorded: old, live: new)
    }
    return ["recorded \(recorded.count) bytes, got \(live.count) bytes (not both JSON)"]
  }

  private static func quoted(_ text: String) -> String {
    let shown = text.count > 100 ? String(text.prefix(97)) + "..." : text
    return "'\(shown.replacing("\n", with: "; "))'"
  }
}
