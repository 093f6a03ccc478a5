import CloudProgress
import Foundation
import JSONTree

/// Renders the answer of a simulated task at a stage, in each API's documented shape.
enum TaskRenderer {
  /// The body at `stage`; `created` is the task's first poll (Insight's `create_date`), `now`
  /// its last change (`update_date`).
  static func body(
    for script: TaskScript, api: CloudAPI, stage: TaskStage, created: Date, now: Date,
    workspace: String?
  ) -> Data {
    let rendered = render(
      script, api: api, stage: stage, created: created, now: now, workspace: workspace)
    guard case .object(let overrides)? = script.bodyOverrides,
      case .object(var members)? = try? JSONParser().parse(rendered)
    else { return rendered }
    for override in overrides {
      if let index = members.firstIndex(where: { $0.key == override.key }) {
        members[index].value = override.value
      } else {
        members.append(override)
      }
    }
    return Data(JSONValue.object(members).serialized().utf8)
  }

  private static func render(
    _ script: TaskScript, api: CloudAPI, stage: TaskStage, created: Date, now: Date,
    workspace: String?
  ) -> Data {
    switch api {
    case .cpts: encode(perfTest(script, stage))
    case .insight: encode(insight(script, stage, created: created, now: now, workspace: workspace))
    case .quality: encode(quality(script, stage))
    case .drs: encode(drs(script, stage))
    case .check: Data(check(script, stage).serialized().utf8)
    }
  }

  private static func perfTest(_ script: TaskScript, _ stage: TaskStage)
    -> PerfTestUploadProcessResponse
  {
    let projects = 2
    let statuses: [PerfTestImportStatus]
    if !stage.isFinished {
      let done = Int(stage.fraction * Double(projects))
      statuses = (0..<projects).map { $0 < done ? .succeeded : .importing }
    } else {
      switch script.outcome {
      case .succeed: statuses = [.succeeded, .succeeded]
      case .partial: statuses = [.succeeded, .failed]
      case .fail, .stop, .timeOut: statuses = [.failed, .failed]
      }
    }
    let details = statuses.enumerated().map { index, status in
      PerfTestUploadDetail(
        id: Int64(index), name: "Project \(index)", status: status,
        cause: status == .failed ? "Script parse failed at line 12" : "")
    }
    return PerfTestUploadProcessResponse(
      code: "SVCSTG.CPTS.0000000", message: "success",
      process: PerfTestUploadProcess(
        details: details, processStatus: stage.isFinished ? .imported : .importing))
  }

  private static func insight(
    _ script: TaskScript, _ stage: TaskStage, created: Date, now: Date, workspace: String?
  ) -> InsightImportTask {
    let status: InsightImportStatus
    var errorMessage: String?
    if !stage.isFinished {
      status = stage.fraction == 0 ? .pending : .processing
    } else {
      switch script.outcome {
      case .succeed: status = .succeeded
      case .partial:
        status = .partiallySucceeded
        errorMessage = "2 of 5 resources failed to import"
      case .fail, .stop, .timeOut:
        status = .failed
        errorMessage = "The resource package is damaged."
      }
    }
    let milliseconds = Int64(now.timeIntervalSince1970 * 1000)
    return InsightImportTask(
      id: script.id, name: "simulated import", workspaceID: workspace, obsBucket: "tape-simulator",
      obsObjectKey: "package.zip",
      importDetail: status == .succeeded ? "Import successful." : "", status: status,
      errorMessage: errorMessage, importType: .resourcePackage, createUser: "tape",
      createDate: LongTimestamp(milliseconds: Int64(created.timeIntervalSince1970 * 1000)),
      updateDate: LongTimestamp(milliseconds: milliseconds))
  }

  private static func quality(_ script: TaskScript, _ stage: TaskStage) -> QualityResourceStatus {
    var status = QualityResourceStatus(
      id: "record-\(script.id)", resourceID: script.id, resourceType: .ruleTemplate,
      action: .export, fileName: "rule_templates.zip")
    guard stage.isFinished else {
      status.status = stage.fraction == 0 ? .waiting : .running
      status.fileStatus = .preparing
      return status
    }
    switch script.outcome {
    case .succeed:
      status.status = .succeeded
      status.fileStatus = stage.pollsSinceFinish == 0 ? .preparing : .generated
    case .timeOut:
      status.status = .timedOut
      status.errorMessage = "The task timed out."
    case .fail, .partial, .stop:
      status.status = .failed
      status.fileStatus = .failed
      status.errorMessage = "Failed to export rule templates."
    }
    return status
  }

  private static func drs(_ script: TaskScript, _ stage: TaskStage) -> DRSTemplateImportProgress {
    let rows = Int64(stage.fraction * 40)
    guard stage.isFinished else {
      return DRSTemplateImportProgress(
        sendSuccess: stage.fraction > 0, parsedSuccessNumber: NumericString(rows))
    }
    return DRSTemplateImportProgress(
      sendSuccess: true, processStatus: script.outcome == .succeed ? .succeeded : .failed,
      parsedSuccessNumber: NumericString(script.outcome == .succeed ? 40 : 17))
  }

  /// Built as a tree so that a failed or stopped check sends `"ratio": null`, as documented.
  private static func check(_ script: TaskScript, _ stage: TaskStage) -> JSONValue {
    func body(_ status: Int, ratio: JSONValue, info: JSONValue) -> JSONValue {
      .object([
        JSONMember("task_status", .number(String(status))),
        JSONMember("progress", .object([JSONMember("ratio", ratio), JSONMember("info", info)])),
      ])
    }
    guard stage.isFinished else {
      return body(0, ratio: .string("\(Int(stage.fraction * 100))%"), info: .string("running"))
    }
    switch script.outcome {
    case .succeed: return body(2, ratio: .string("100%"), info: .string("success"))
    case .stop: return body(3, ratio: .null, info: .null)
    case .fail, .partial, .timeOut: return body(1, ratio: .null, info: .null)
    }
  }

  private static func encode(_ model: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? encoder.encode(model)) ?? Data("{}".utf8)
  }
}
