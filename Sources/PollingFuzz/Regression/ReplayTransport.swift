import CloudProgress
import Foundation
import HTTPTransportCore
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The transport of a finding's replay: sends each request to the cassette's player, and
/// lays over it what the cassette's metadata kept (dropped connections, slow answers, the
/// truth at each poll), logging each exchange for the judge as a live session does.
final class ReplayTransport: HTTPTransport {
  let player: any HTTPTransport
  let polls: [PollRecord]
  let api: CloudAPI
  let clock: VirtualClock
  let startDate: Date
  let log: ExchangeLog

  init(
    player: any HTTPTransport, polls: [PollRecord], api: CloudAPI, clock: VirtualClock,
    startDate: Date, log: ExchangeLog
  ) {
    self.player = player
    self.polls = polls
    self.api = api
    self.clock = clock
    self.startDate = startDate
    self.log = log
  }

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let sentAt = clock.elapsed
    let isIdentity = IdentityRequest.matches(
      method: request.httpMethod ?? "GET", path: request.url?.path ?? "")
    guard let poll = log.admit(at: sentAt, isPoll: !isIdentity) else { await ExchangeLog.park() }
    let record = polls.isEmpty ? nil : polls[min(poll, polls.count - 1)]
    let truth = record?.phase ?? .unknown
    var exchange = Exchange(
      kind: isIdentity ? .identity : .poll, poll: isIdentity ? nil : poll, sentAt: sentAt,
      answeredAt: sentAt, truth: truth)
    if !isIdentity, poll < polls.count, let record {
      if record.dropped == true {
        exchange.fault =
          record.fault == WireFault.truncatedBody.description
          ? .truncatedBody : .droppedConnection
        log.append(exchange)
        throw URLError(.networkConnectionLost)
      }
      if let delay = record.delayMilliseconds {
        exchange.fault = .slowAnswer(milliseconds: delay)
        try await clock.sleep(for: .milliseconds(delay))
      }
    }
    let (body, response) = try await player.send(request)
    exchange.answeredAt = clock.elapsed
    exchange.status = response.statusCode
    let answeredDate = startDate.addingTimeInterval(
      Double(milliseconds(exchange.answeredAt)) / 1000)
    exchange.retryAfter = retryAfterWait(
      response.value(forHTTPHeaderField: "Retry-After"), answeredAt: answeredDate)
    if !isIdentity, (200..<300).contains(response.statusCode) {
      exchange.shows = AnswerRenderer.shows(body, api: api)
      if exchange.shows == nil { exchange.fault = .truncatedBody }
    }
    log.append(exchange)
    return (body, response)
  }
}
