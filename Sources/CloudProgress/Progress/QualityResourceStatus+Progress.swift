extension QualityResourceStatus: TaskProgressReporting {
  /// WAITING is queued, RUNNING running; FAILED and TIMEOUT are terminal; SUCCESS is
  /// terminal once the file is no longer PREPARING (whatever the `action`): GENERATED,
  /// DELETED or absent is succeeded, FAILED is failed. Any other value, or no status, is
  /// unknown.
  public var taskProgress: TaskProgress {
    guard let status else { return TaskProgress(phase: .unknown, detail: "no status") }
    switch status.documentedReading {
    case .waiting: return TaskProgress(phase: .queued, percent: 0)
    case .running: return TaskProgress(phase: .running)
    case .succeeded: return succeededProgress
    case .failed: return TaskProgress(phase: .failed, detail: errorMessage)
    case .timedOut: return TaskProgress(phase: .timedOut, detail: errorMessage)
    case .unknown, nil: return .undocumented("status", status.wireValue)
    }
  }

  private var succeededProgress: TaskProgress {
    guard let fileStatus else { return TaskProgress(phase: .succeeded, percent: 100) }
    switch fileStatus.documentedReading {
    case .preparing: return TaskProgress(phase: .running, detail: "file preparing")
    case .generated: return TaskProgress(phase: .succeeded, percent: 100, detail: fileName)
    case .deleted: return TaskProgress(phase: .succeeded, percent: 100, detail: "file deleted")
    case .failed: return TaskProgress(phase: .failed, detail: errorMessage ?? "file failed")
    case .unknown, nil: return .undocumented("file_status", fileStatus.wireValue)
    }
  }
}
