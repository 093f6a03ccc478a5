extension InsightImportTask: TaskProgressReporting {
  /// -1 and 0 are queued, 4 is running; 1, 2 and 3 are terminal; any other value, or none,
  /// is unknown.
  public var taskProgress: TaskProgress {
    guard let status else { return TaskProgress(phase: .unknown, detail: "no status") }
    switch status.documentedReading {
    case .notActivated: return TaskProgress(phase: .queued, percent: 0, detail: "not activated")
    case .pending: return TaskProgress(phase: .queued, percent: 0, detail: "to be processed")
    case .processing: return TaskProgress(phase: .running, detail: importDetail)
    case .succeeded: return TaskProgress(phase: .succeeded, percent: 100, detail: importDetail)
    case .failed: return TaskProgress(phase: .failed, detail: errorMessage)
    case .partiallySucceeded:
      return TaskProgress(
        phase: .partiallySucceeded, percent: 100, detail: errorMessage ?? importDetail)
    case .unknown, nil: return .undocumented("status", status.wireValue)
    }
  }
}
