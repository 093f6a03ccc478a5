// Measures the polling fuzzer: sessions per second of a correct poller (ProgressClient.poll)
// on virtual time, and the median time over five seeds to find each planted poller bug.
//
//   swift run -c release polling-fuzz-bench [sessions per API, default 2000]
//   swift run -c release polling-fuzz-bench findings <api> <sessions>   (print findings)

import CloudProgress
import CloudProgressClient
import Foundation
import PlantedPollerBugs
import PollingFuzz

let arguments = Array(CommandLine.arguments.dropFirst())

func seconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) + Double(attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

if arguments.first == "findings" {
  let api = arguments.count > 1 ? CloudAPI(rawValue: arguments[1]) ?? .check : .check
  let sessions = arguments.count > 2 ? Int(arguments[2]) ?? 500 : 500
  let report = await PollingFuzz.run(
    api, sessions: sessions, seed: 1, stopAtFirstFinding: false, poller: correctPoller)
  print(report)
  exit(report.findings.isEmpty ? 0 : 1)
}

if arguments.first == "save-findings", arguments.count > 1 {
  // The findings on ProgressClient.poll, kept as cassettes that `swift test` replays.
  let directory = URL(fileURLWithPath: arguments[1])
  let bug = PlantedPollerBug.pollsWithoutFloor
  let report = await PollingFuzz.run(.check, sessions: 400, seed: 1, poller: bug.poller)
  if let finding = report.findings.first {
    let verdict = try await PollingFuzz.save(
      finding, poller: bug.poller, to: directory.appending(path: "check-poll-without-floor.json"))
    print(verdict)
  }
  let session = PollingSession(
    api: .check, truth: GroundTruth(runningMilliseconds: 20_000),
    faults: [Scheduled(poll: 1, count: 3, effect: .throttled(.seconds(0)))])
  // Saved with the poller as it was (no throttle floor), so the cassette keeps the finding's
  // verdict; the fixed poller passes it.
  let verdict = try await PollingFuzz.save(
    session, poller: noThrottleFloorPoller,
    to: directory.appending(path: "check-retry-after-zero.json"))
  print(verdict)
  exit(0)
}

let perAPI = arguments.first.flatMap { Int($0) } ?? 2000
print("polling-fuzz-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("")
print("Correct poller (ProgressClient.poll, default policy), \(perAPI) sessions per API:")
var totalSessions = 0
var totalPolls = 0
var totalElapsed = 0.0
var totalVirtual = 0.0
for api in CloudAPI.allCases {
  let report = await PollingFuzz.run(
    api, sessions: perAPI, seed: 7, stopAtFirstFinding: false, minimizes: false,
    poller: correctPoller)
  let elapsed = seconds(report.elapsed)
  totalSessions += report.sessions
  totalPolls += report.polls
  totalElapsed += elapsed
  totalVirtual += seconds(report.virtualTime)
  print(
    "  \(api.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
      + "\(report.sessions) sessions, \(report.polls) polls, "
      + String(
        format: "%.1f h virtual in %.2f s: %.0f sessions/s, ", seconds(report.virtualTime) / 3600,
        elapsed, Double(report.sessions) / elapsed)
      + "\(report.findings.count) findings")
}
print(
  String(
    format:
      "  all      %d sessions, %d polls, %.1f h virtual in %.2f s: %.0f sessions/s, %.0f polls/s",
    totalSessions, totalPolls, totalVirtual / 3600, totalElapsed,
    Double(totalSessions) / totalElapsed, Double(totalPolls) / totalElapsed))
print("")
print("Planted poller bugs: time to the first finding (minimized), median of seeds 1-5:")
for bug in PlantedPollerBug.allCases {
  var times: [Double] = []
  var sessions: [Int] = []
  var found: [String] = []
  for seed: UInt64 in 1...5 {
    let started = ContinuousClock.now
    let report = await PollingFuzz.run(
      bug.api, sessions: 2000, seed: seed, poller: bug.poller)
    times.append(seconds(ContinuousClock.now - started))
    sessions.append(report.sessions)
    found.append(
      report.findings.first.map { finding in
        finding.minimized.violations.contains { $0.oracle == bug.oracle }
          ? "✓" : "✗(\(finding.oracle?.rawValue ?? "-"))"
      } ?? "✗(none)")
  }
  print(
    "  \(bug.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0)) "
      + "\(bug.api.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
      + String(format: "median %.3f s", median(times))
      + "  (sessions until found: \(sessions.map(String.init).joined(separator: ", ")); "
      + "oracle \(bug.oracle.rawValue): \(found.joined(separator: " ")))")
}
