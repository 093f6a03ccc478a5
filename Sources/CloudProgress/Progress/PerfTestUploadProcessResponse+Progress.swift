extension PerfTestUploadProcessResponse: TaskProgressReporting {
  /// `process_status` 0 is running; 1 is terminal once no detail is still importing (0):
  /// all projects failed is failed, some is partially succeeded, none is succeeded. While a
  /// detail is importing the task runs (percent: share of projects finished); a detail with
  /// an undocumented or no status, or an undocumented `process_status`, is unknown.
  public var taskProgress: TaskProgress {
    guard let processStatus = process?.processStatus else {
      return TaskProgress(phase: .unknown, detail: "no process_status")
    }
    let details = process?.details ?? []
    switch processStatus.documentedReading {
    case .importing: return runningProgress(details)
    case .imported: return importedProgress(details)
    case .unknown, nil: return .undocumented("process_status", processStatus.wireValue)
    }
  }

  private func runningProgress(_ details: [PerfTestUploadDetail]) -> TaskProgress {
    let finished = details.count(where: { detail in
      let reading = detail.status?.documentedReading
      return reading == .succeeded || reading == .failed
    })
    let percent = details.isEmpty ? nil : Double(finished) * 100 / Double(details.count)
    return TaskProgress(
      phase: .running, percent: percent, detail: "\(finished) of \(details.count) projects imported"
    )
  }

  private func importedProgress(_ details: [PerfTestUploadDetail]) -> TaskProgress {
    if let index = details.firstIndex(where: { $0.status?.documentedReading == nil }) {
      let name = details[index].name ?? "project \(index)"
      guard let status = details[index].status else {
        return TaskProgress(phase: .unknown, detail: "\(name) has no status")
      }
      return .undocumented("status of \(name)", status.wireValue)
    }
    if details.contains(where: { $0.status?.documentedReading == .importing }) {
      return runningProgress(details)
    }
    // One pass, no copy of the failed details: 250,000 details made the copy show.
    var failureCount = 0
    var causeTexts: [String] = []
    for detail in details where detail.status?.documentedReading == .failed {
      failureCount += 1
      if let cause = detail.cause, !cause.isEmpty {
        causeTexts.append("\(detail.name ?? "project"): \(cause)")
      }
    }
    if failureCount == 0 { return TaskProgress(phase: .succeeded, percent: 100, detail: message) }
    let causes = causeTexts.joined(separator: "; ")
    let phase: TaskProgress.Phase = failureCount == details.count ? .failed : .partiallySucceeded
    return TaskProgress(phase: phase, percent: phase == .failed ? nil : 100, detail: causes)
  }
}
