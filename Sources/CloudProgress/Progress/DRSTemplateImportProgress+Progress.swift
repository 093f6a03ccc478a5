extension DRSTemplateImportProgress: TaskProgressReporting {
  /// `success` and `failed` are terminal; absent is still running (no in-progress value is
  /// documented); any other value is unknown.
  public var taskProgress: TaskProgress {
    let rows = parsedSuccessNumber.map { "\($0) rows parsed" }
    guard let processStatus else {
      let upload = sendSuccess == true ? "template uploaded" : "template uploading"
      return TaskProgress(phase: .running, detail: rows.map { "\(upload), \($0)" } ?? upload)
    }
    switch processStatus.documentedReading {
    case .succeeded: return TaskProgress(phase: .succeeded, percent: 100, detail: rows)
    case .failed: return TaskProgress(phase: .failed, detail: rows)
    case .unknown, nil: return .undocumented("process_status", processStatus.wireValue)
    }
  }
}
