/// The answer of CodeArts Check `ShowProgressDetail` (`GET /v2/tasks/{task_id}/progress`).
public struct CheckTaskProgress: Hashable, Sendable, Codable {
  /// The task state (`task_status`); null when the task was never checked.
  public var taskStatus: CheckTaskStatus?
  /// The progress of a running check (`progress`).
  public var progress: CheckProgressDetail?

  /// Creates a progress.
  public init(taskStatus: CheckTaskStatus? = nil, progress: CheckProgressDetail? = nil) {
    self.taskStatus = taskStatus
    self.progress = progress
  }

  private enum CodingKeys: String, CodingKey {
    case taskStatus = "task_status"
    case progress
  }
}
