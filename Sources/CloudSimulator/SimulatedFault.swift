import CloudProgress

/// A fault the simulator injects: a 500 error, a 501 plain-text body, or a slow answer, for
/// the requests of one API (or all), optionally only on the n-th request to a task. Every
/// request to a task counts, failed ones too; only answered ones move the task on.
public struct SimulatedFault: Hashable, Sendable, Codable {
  /// What goes wrong.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// 500 with a JSON error body (`SIM.0500`).
    case internalError
    /// 501 with the bare text `unknown error`, as CPTS documents.
    case notImplementedText
    /// The answer comes after ``SimulatedFault/delaySeconds``.
    case slow
  }

  /// What goes wrong.
  public var kind: Kind
  /// The API it applies to (its key); every API when nil.
  public var api: String?
  /// The request to a task it applies to (1 for the first); every request when nil.
  public var request: Int?
  /// The delay of a `slow` fault, in seconds.
  public var delaySeconds: Double?

  /// Creates a fault.
  public init(_ kind: Kind, api: CloudAPI? = nil, request: Int? = nil, delaySeconds: Double? = nil)
  {
    self.kind = kind
    self.api = api?.rawValue
    self.request = request
    self.delaySeconds = delaySeconds
  }
}
