/// A response model of one of the five APIs that can say how far its task has got.
public protocol TaskProgressReporting: Codable, Hashable, Sendable {
  /// The normalized progress snapshot of this response.
  var taskProgress: TaskProgress { get }
}
