/// A change to what a successful answer says, laid over the ground truth: the task is where
/// the truth says, the body says something a poller must read with care.
public enum BodyTwist: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The status field holds an undocumented value (`variant` picks which): the model reads
  /// it as unknown, which is neither running nor done.
  case unknownStatus(variant: Int)
  /// The percent goes back (to half of what it was).
  case percentBack
  /// The percent jumps to this value while the task still runs (99%, or Check's "100%"
  /// with `task_status` 0).
  case percentJump(Int)
  /// Check's `"ratio": null` while the task runs.
  case nullRatio
  /// A cosmetic field is odd: an unknown member, a number in a string, Insight's
  /// `create_date` beyond Int64.
  case cosmetic

  /// `unknown status`, `percent back`...
  public var description: String {
    switch self {
    case .unknownStatus(let variant): "undocumented status #\(variant)"
    case .percentBack: "percent goes back"
    case .percentJump(let percent): "percent jumps to \(percent)%"
    case .nullRatio: "null ratio"
    case .cosmetic: "cosmetic anomaly"
    }
  }
}
