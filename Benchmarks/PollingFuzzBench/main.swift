import CloudProgress
import CloudProgressClient
import PollingFuzz

let arguments = CommandLine.arguments
let api = arguments.count > 1 ? CloudAPI(rawValue: arguments[1]) ?? .check : .check
let sessions = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let poller: Poller = { context in
  var last: TaskProgress?
  for try await progress in context.client.poll(
    context.task, random: SeededGenerator(seed: context.seed))
  {
    last = progress
  }
  return .finished(last?.phase ?? .unknown)
}
let report = await PollingFuzz.run(api, sessions: sessions, seed: 1, stopAtFirstFinding: false, minimizes: true, poller: poller)
print(report.description.prefix(6000))
