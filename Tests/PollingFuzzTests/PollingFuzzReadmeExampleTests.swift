// swift-format-ignore-file: OrderedImports
// The README's polling-fuzz examples, each block as the README shows it (imports included),
// one after another at file scope, compiled and run; `ReadmeExampleTests` (in
// CloudProgressTests) checks that every README block appears in a file like this one.

import CloudProgress
import CloudProgressClient
import PollingFuzz
import Testing

@Test func checkPollerHoldsEveryOracle() async {
  let report = await PollingFuzz.run(.check, sessions: 200, seed: 1) { context in
    // Everything goes through the session: its transport, its virtual clock.
    var last: TaskProgress?
    for try await progress in context.client.poll(
      context.task, random: SeededGenerator(seed: context.seed))
    {
      context.report(progress)  // what it tells its user: unknown stays unknown
      last = progress
    }
    return .finished(last?.phase ?? .unknown)
  }
  #expect(report.findings.isEmpty, "\(report)")
}

import CloudProgress
import CloudProgressClient
import Foundation
import HTTPTransportCore
import PollingFuzz
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A poller of your own: it takes a transport and a clock, and says what it concluded.
func pollCheckTask(
  transport: any HTTPTransport, clock: some Clock<Duration>, deadline: Duration
) async throws -> TaskProgress.Phase {
  let url = URL(
    string: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress")!
  let start = clock.now
  while start.duration(to: clock.now) < deadline {
    let body: Data
    let response: HTTPURLResponse
    do {
      (body, response) = try await transport.send(URLRequest(url: url))
    } catch is URLError {
      try await clock.sleep(for: .seconds(5))  // a lost connection: try again
      continue
    }
    if response.statusCode == 200 {
      let phase = try CheckTaskProgress(jsonData: body).taskProgress.phase
      if phase.isTerminal { return phase }  // .unknown is not: keep polling
    } else if response.statusCode != 429,
      response.statusCode < 500 || response.statusCode == 501
    {
      throw URLError(.badServerResponse)  // 401, 403, 501...: not worth retrying
    }
    try await clock.sleep(for: .seconds(5))
  }
  throw CancellationError()
}

@Test func ownPollerUnderTheFuzzer() async {
  let report = await PollingFuzz.run(.check, sessions: 100, seed: 7) { context in
    .finished(
      try await pollCheckTask(
        transport: context.transport, clock: context.clock, deadline: .seconds(840)))
  }
  // It waits 5 s whatever Retry-After says: the fuzzer finds it, and shows the session.
  #expect(report.findings.first?.oracle == .ignoredRetryAfter)
}

import CloudProgress
import CloudProgressClient
import PollingFuzz
import Tape
import TapeTesting
import Testing

@Test(.cassette("polling-fuzz/check-retry-after-zero"))
func keepsTheRetryAfterZeroFinding() async throws {
  let verdict = try await PollingFuzz.replay(try #require(CassettePlayer.current)) {
    context in
    var last: TaskProgress?
    for try await progress in context.client.poll(
      context.task, random: SeededGenerator(seed: context.seed))
    {
      context.report(progress)  // what it tells its user: unknown stays unknown
      last = progress
    }
    return .finished(last?.phase ?? .unknown)
  }
  #expect(verdict.passed, "\(verdict)")
}
