extension PerfTestUploadProcessResponse: TaskProgressReporting {
  /// `process_status` 0 is running (percent: share of projects finished), 1 is terminal: all
  /// projects failed is failed, some is partially succeeded, none is succeeded.
  public var taskProgress: TaskProgress {
    let details = process?.details ?? []
    let failures = details.filter { $0.status == .failed }
    let successes = details.count(where: { $0.status == .succeeded })
    let causes = failures.compactMap { detail in
      detail.cause.flatMap { $0.isEmpty ? nil : "\(detail.name ?? "project"): \($0)" }
    }.joined(separator: "; ")
    switch process?.processStatus {
    case .importing:
      let finished = successes + failures.count
      let percent = details.isEmpty ? nil : Double(finished) * 100 / Double(details.count)
      return TaskProgress(
        phase: .running, percent: percent,
        detail: "\(finished) of \(details.count) projects imported")
    case .imported:
      if failures.isEmpty {
        return TaskProgress(phase: .succeeded, percent: 100, detail: message)
      }
      let phase: TaskProgress.Phase = successes == 0 ? .failed : .partiallySucceeded
      return TaskProgress(phase: phase, percent: phase == .failed ? nil : 100, detail: causes)
    case .unknown(let wireValue):
      return TaskProgress(phase: .unknown, detail: "process_status \(wireValue)")
    case nil:
      return TaskProgress(phase: .unknown, detail: "no process_status")
    }
  }
}
