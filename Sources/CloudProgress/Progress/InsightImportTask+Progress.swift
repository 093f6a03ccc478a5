extension InsightImportTask: TaskProgressReporting {
  /// -1 and 0 are queued, 4 is running; 1, 2 and 3 are terminal.
  public var taskProgress: TaskProgress {
    switch status {
    case .notActivated: TaskProgress(phase: .queued, percent: 0, detail: "not activated")
    case .pending: TaskProgress(phase: .queued, percent: 0, detail: "to be processed")
    case .processing: TaskProgress(phase: .running, detail: importDetail)
    case .succeeded: TaskProgress(phase: .succeeded, percent: 100, detail: importDetail)
    case .failed: TaskProgress(phase: .failed, detail: errorMessage)
    case .partiallySucceeded:
      TaskProgress(phase: .partiallySucceeded, percent: 100, detail: errorMessage ?? importDetail)
    case .unknown(let wireValue): TaskProgress(phase: .unknown, detail: "status \(wireValue)")
    case nil: TaskProgress(phase: .unknown, detail: "no status")
    }
  }
}
