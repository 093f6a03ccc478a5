extension CheckTaskProgress: TaskProgressReporting {
  /// 0 is running with `progress.ratio`; 1, 2 and 3 are terminal; null was never checked
  /// (queued); any other value is unknown.
  public var taskProgress: TaskProgress {
    let ratio = progress?.ratio?.percentWithinRange
    let info = progress?.info.map { $0.wireValue.stringValue ?? $0.wireValue.description }
    guard let taskStatus else {
      return TaskProgress(phase: .queued, percent: ratio, detail: info ?? "never checked")
    }
    switch taskStatus.documentedReading {
    case .checking: return TaskProgress(phase: .running, percent: ratio, detail: info)
    case .succeeded: return TaskProgress(phase: .succeeded, percent: ratio ?? 100, detail: info)
    case .failed: return TaskProgress(phase: .failed, percent: ratio, detail: info)
    case .stopped: return TaskProgress(phase: .stopped, percent: ratio, detail: info)
    case .unknown, nil:
      return .undocumented("task_status", taskStatus.wireValue, percent: ratio)
    }
  }
}
