import CloudProgress

extension ProgressClient {
  /// CodeArts PerfTest `ShowProcess`: the import progress of the client's project.
  public func perfTestImportProgress() async throws -> PerfTestUploadProcessResponse {
    try await fetch(.cpts, as: PerfTestUploadProcessResponse.self)
  }

  /// DataArts Insight: an import task of a workspace.
  public func insightImportTask(id: String, workspaceID: String) async throws
    -> InsightImportTask
  {
    try await fetch(.insight(taskID: id, workspaceID: workspaceID), as: InsightImportTask.self)
  }

  /// DataArts Quality: the status of an import or export in a workspace.
  public func qualityResourceStatus(id: String, workspace: String) async throws
    -> QualityResourceStatus
  {
    try await fetch(.quality(resourceID: id, workspace: workspace), as: QualityResourceStatus.self)
  }

  /// DRS `ShowDbObjectTemplateProgress`: an object import template's upload and parsing.
  public func drsTemplateImportProgress(
    jobID: String, offset: Int? = nil, limit: Int? = nil, type: String? = nil,
    language: String? = nil
  ) async throws -> DRSTemplateImportProgress {
    try await fetch(
      .drs(jobID: jobID, offset: offset, limit: limit, type: type, language: language),
      as: DRSTemplateImportProgress.self)
  }

  /// CodeArts Check `ShowProgressDetail`: a check task's progress.
  public func checkTaskProgress(taskID: String, jobID: String? = nil) async throws
    -> CheckTaskProgress
  {
    try await fetch(.check(taskID: taskID, jobID: jobID), as: CheckTaskProgress.self)
  }
}
