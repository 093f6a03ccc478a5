import CloudProgress
import Foundation
import JSONTree

/// Everything the simulator serves: the tasks, who may call, how fast, and what goes wrong.
/// Read from a JSON file by `tape simulate --scenario FILE`, or built in code.
public struct SimulatorScenario: Hashable, Sendable, Codable {
  /// An IAM user that may get a token with a password.
  public struct Account: Hashable, Sendable, Codable {
    /// The user name.
    public var user: String
    /// The password.
    public var password: String

    /// Creates an account.
    public init(user: String, password: String) {
      self.user = user
      self.password = password
    }
  }

  /// An access key and its secret, for AK/SK signing.
  public struct AccessKey: Hashable, Sendable, Codable {
    /// The access key (AK).
    public var accessKey: String
    /// The secret key (SK).
    public var secretKey: String

    /// Creates a key pair.
    public init(accessKey: String, secretKey: String) {
      self.accessKey = accessKey
      self.secretKey = secretKey
    }
  }

  /// A request rate above which the gateway answers 429 `APIG.0308`.
  public struct RateLimit: Hashable, Sendable, Codable {
    /// Requests allowed per window.
    public var requests: Int
    /// The window, in seconds.
    public var seconds: Double

    /// Creates a limit.
    public init(requests: Int, seconds: Double) {
      self.requests = max(1, requests)
      self.seconds = max(0.001, seconds)
    }
  }

  /// The scripted tasks.
  public var tasks: [TaskScript]
  /// Whether requests must carry a token or an AK/SK signature.
  public var requiresAuthentication: Bool
  /// The IAM users.
  public var accounts: [Account]
  /// The AK/SK pairs.
  public var accessKeys: [AccessKey]
  /// How long an issued token lives, in seconds (24 hours by default).
  public var tokenLifetimeSeconds: Double
  /// The gateway rate limit, if any.
  public var rateLimit: RateLimit?
  /// The injected faults.
  public var faults: [SimulatedFault]

  /// Creates a scenario.
  public init(
    tasks: [TaskScript], requiresAuthentication: Bool = true,
    accounts: [Account] = [SimulatorScenario.defaultAccount],
    accessKeys: [AccessKey] = [SimulatorScenario.defaultAccessKey],
    tokenLifetimeSeconds: Double = 24 * 3600, rateLimit: RateLimit? = nil,
    faults: [SimulatedFault] = []
  ) {
    self.tasks = tasks
    self.requiresAuthentication = requiresAuthentication
    self.accounts = accounts
    self.accessKeys = accessKeys
    self.tokenLifetimeSeconds = tokenLifetimeSeconds
    self.rateLimit = rateLimit
    self.faults = faults
  }

  /// The simulator's own user (it holds no real secret).
  public static let defaultAccount = Account(user: "tape", password: "tape-simulator")
  /// The simulator's own key pair (it holds no real secret).
  public static let defaultAccessKey = AccessKey(
    accessKey: "TAPESIMULATORAK00001", secretKey: "tape-simulator-secret-key")

  /// One task per API, with the ids of the package's cassettes, succeeding on the third poll.
  public static let standard = SimulatorScenario(tasks: [
    TaskScript(api: .cpts, id: "0123456789abcdef0123456789abcdef"),
    TaskScript(api: .insight, id: "2406a337-xxxx-a5b2-b01a61d2043b"),
    TaskScript(api: .quality, id: "9f8e7d6c-0000-4000-8000-000000000002"),
    TaskScript(api: .drs, id: "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"),
    TaskScript(api: .check, id: "2b31ed520xxxxxxebedb6e57xxxxxxxx"),
  ])

  /// The scenario the package's cassettes are recorded from (`tape record all`): the
  /// ``standard`` tasks with the traps their documentation shows. Check answers 0% twice
  /// before 50% (stored once with `repeat: 2`); Insight's `create_date` is
  /// 9223372036854776000, beyond Int64, as in its documented example; DRS is done on its
  /// second poll.
  public static let documentedTraps = SimulatorScenario(tasks: [
    TaskScript(api: .cpts, id: "0123456789abcdef0123456789abcdef"),
    TaskScript(
      api: .insight, id: "2406a337-xxxx-a5b2-b01a61d2043b",
      bodyOverrides: .object([JSONMember("create_date", .number("9223372036854776000"))])),
    TaskScript(api: .quality, id: "9f8e7d6c-0000-4000-8000-000000000002"),
    TaskScript(api: .drs, id: "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r", polls: 2),
    TaskScript(api: .check, id: "2b31ed520xxxxxxebedb6e57xxxxxxxx", percents: [0, 0, 50, 100]),
  ])

  /// Reads a scenario from JSON, strictly: fields left out take their defaults, and the first
  /// unknown key, wrong type, out-of-range number, bad id or repeated task is a
  /// ``ScenarioError`` naming its JSON path (or line and column when the text is not JSON).
  public static func decode(_ data: Data) throws(ScenarioError) -> SimulatorScenario {
    try ScenarioReader.read(data)
  }

  private enum CodingKeys: String, CodingKey {
    case tasks, requiresAuthentication, accounts, accessKeys, tokenLifetimeSeconds, rateLimit
    case faults
  }

  /// Decodes a scenario; every field but `tasks` is optional.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let tasks = try container.decode([TaskScript].self, forKey: .tasks)
    for (index, task) in tasks.enumerated() where task.cloudAPI == nil {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: [CodingKeys.tasks, IndexKey(index)],
          debugDescription:
            "unknown api '\(task.api)'; expected one of \(CloudAPI.allCases.map(\.rawValue).joined(separator: ", "))"
        ))
    }
    self.init(
      tasks: tasks,
      requiresAuthentication: try container.decodeIfPresent(
        Bool.self, forKey: .requiresAuthentication) ?? true,
      accounts: try container.decodeIfPresent([Account].self, forKey: .accounts) ?? [
        Self.defaultAccount
      ],
      accessKeys: try container.decodeIfPresent([AccessKey].self, forKey: .accessKeys) ?? [
        Self.defaultAccessKey
      ],
      tokenLifetimeSeconds: try container.decodeIfPresent(
        Double.self, forKey: .tokenLifetimeSeconds) ?? 24 * 3600,
      rateLimit: try container.decodeIfPresent(RateLimit.self, forKey: .rateLimit),
      faults: try container.decodeIfPresent([SimulatedFault].self, forKey: .faults) ?? [])
  }
}

/// An array index in a coding path.
private struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String { "Index \(intValue ?? 0)" }
  init(_ index: Int) { self.intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}
