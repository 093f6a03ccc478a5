extension DRSTemplateImportProgress: TaskProgressReporting {
  /// `success` and `failed` are terminal; any other value, or none, is still running (no
  /// in-progress value is documented).
  public var taskProgress: TaskProgress {
    let rows = parsedSuccessNumber.map { "\($0) rows parsed" }
    switch processStatus {
    case .succeeded: return TaskProgress(phase: .succeeded, percent: 100, detail: rows)
    case .failed: return TaskProgress(phase: .failed, detail: rows)
    case .unknown(let wireValue):
      return TaskProgress(phase: .running, detail: "process_status \(wireValue)")
    case nil:
      let upload = sendSuccess == true ? "template uploaded" : "template uploading"
      return TaskProgress(phase: .running, detail: rows.map { "\(upload), \($0)" } ?? upload)
    }
  }
}
