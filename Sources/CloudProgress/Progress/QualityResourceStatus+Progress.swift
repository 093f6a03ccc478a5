extension QualityResourceStatus: TaskProgressReporting {
  /// WAITING is queued, RUNNING running; SUCCESS, FAILED and TIMEOUT are terminal, except
  /// that a successful EXPORT still runs while its file is PREPARING.
  public var taskProgress: TaskProgress {
    switch status {
    case .waiting: TaskProgress(phase: .queued, percent: 0)
    case .running: TaskProgress(phase: .running)
    case .succeeded: succeededProgress
    case .failed: TaskProgress(phase: .failed, detail: errorMessage)
    case .timedOut: TaskProgress(phase: .timedOut, detail: errorMessage)
    case .unknown(let wireValue): TaskProgress(phase: .unknown, detail: "status \(wireValue)")
    case nil: TaskProgress(phase: .unknown, detail: "no status")
    }
  }

  private var succeededProgress: TaskProgress {
    guard action == .export else { return TaskProgress(phase: .succeeded, percent: 100) }
    switch fileStatus {
    case .preparing: return TaskProgress(phase: .running, detail: "export file preparing")
    case .generated, nil: return TaskProgress(phase: .succeeded, percent: 100, detail: fileName)
    case .deleted:
      return TaskProgress(phase: .succeeded, percent: 100, detail: "export file deleted")
    case .failed:
      return TaskProgress(phase: .failed, detail: errorMessage ?? "export file failed")
    case .unknown(let wireValue):
      return TaskProgress(phase: .unknown, detail: "file_status \(wireValue)")
    }
  }
}
