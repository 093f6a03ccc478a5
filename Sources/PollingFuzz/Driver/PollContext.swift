import CloudProgress
import CloudProgressClient
import Foundation
import HTTPTransportCore
import Tape

/// What a poller under test gets for one session: the transport to send through, the
/// virtual clock to wait on, and the task to poll. Everything the poller does must go
/// through these two: a poller that sleeps on another clock really sleeps.
///
/// ```swift
/// let client = ProgressClient(
///   endpoints: context.endpoints, projectID: context.projectID,
///   credentials: context.credentials, transport: context.transport,
///   clock: context.clientClock)
/// ```
/// or simply ``client``.
public struct PollContext: Sendable {
  /// The session (its truth is for the judge; a fair poller does not look).
  public let session: PollingSession
  /// Answers the poller's requests; any request but `POST .../v3/auth/tokens` is a poll.
  public let transport: any HTTPTransport
  /// The session's time: sleeping on it takes no real time.
  public let clock: VirtualClock
  /// The wall-clock date of the session's start (the `Date` headers count from it).
  public let startDate: Date
  /// Where ``report(_:)`` goes.
  let log: ExchangeLog

  init(
    session: PollingSession, transport: any HTTPTransport, clock: VirtualClock, startDate: Date,
    log: ExchangeLog
  ) {
    self.session = session
    self.transport = transport
    self.clock = clock
    self.startDate = startDate
    self.log = log
  }

  /// Says what the poller read, as it would tell its user (a progress line, a log, a UI):
  /// the judge holds each report against the answer last read, and an unknown status
  /// reported as running or as done fails `misreportedUnknown`. Call it for each snapshot:
  ///
  /// ```swift
  /// for try await progress in context.client.poll(context.task) {
  ///   context.report(progress)
  /// }
  /// ```
  public func report(_ progress: TaskProgress) {
    log.report(progress, at: clock.elapsed)
  }

  /// The API polled.
  public var api: CloudAPI { session.cloudAPI }

  /// The task to poll, with made-up ids.
  public var task: TaskReference {
    switch api {
    case .cpts: .cpts
    case .insight: .insight(taskID: "fuzz-import", workspaceID: "fuzz-workspace")
    case .quality: .quality(resourceID: "fuzz-resource", workspace: "fuzz-workspace")
    case .drs: .drs(jobID: "fuzz-job")
    case .check: .check(taskID: "fuzz-task")
    }
  }

  /// Endpoints in a made-up region; the transport answers whatever the host.
  public var endpoints: ServiceEndpoints { ServiceEndpoints(region: "cn-north-4") }

  /// A made-up project id.
  public var projectID: String { "0123456789abcdef0123456789abcdef" }

  /// A password for IAM tokens, which the session issues (so an expired token can be
  /// renewed through ``transport``).
  public var credentials: CloudCredentials {
    .passwordToken(
      user: Secret("fuzz-user"), password: Secret("fuzz-password"), domain: Secret("fuzz-domain"))
  }

  /// A token the session accepts until a `tokenExpired` fault; it cannot be renewed.
  public var staticToken: CloudCredentials { .token(Secret("fuzz-token-0")) }

  /// A seed for the poller's own jitter, fixed by the session.
  public var seed: UInt64 { session.seed &+ UInt64(session.index) }

  /// ``clock`` as a `ProgressClient`'s: `now` is ``startDate`` plus the virtual time.
  public var clientClock: ClientClock {
    let clock = clock
    let start = startDate
    return ClientClock(
      now: { start.addingTimeInterval(Double(milliseconds(clock.elapsed)) / 1000) },
      sleep: { duration in try await clock.sleep(for: duration) })
  }

  /// A `ProgressClient` wired to this session: its transport, clock and credentials.
  public var client: ProgressClient {
    ProgressClient(
      endpoints: endpoints, projectID: projectID, credentials: credentials, transport: transport,
      clock: clientClock)
  }
}
