import CloudProgress
import Foundation
import JSONTree

/// Builds the body of a successful answer from the API's model types: the state the ground
/// truth gives at that moment, with the twist laid over it. What a careful poller reads from
/// it is what the model's own ``TaskProgressReporting/taskProgress`` says (``shows(_:api:)``).
enum AnswerRenderer {
  /// Where the task is, as the answer should describe it.
  struct State {
    var phase: TaskProgress.Phase
    var percent: Double
    var settling: Bool
    var outcome: GroundTruth.Outcome
    var twist: BodyTwist?
    /// Milliseconds since the session's start (Insight's `update_date`).
    var elapsed: Int
    /// The session's start, in Unix milliseconds.
    var startMilliseconds: Int64
  }

  /// The body for `state`.
  static func body(_ api: CloudAPI, _ state: State) -> JSONValue {
    var state = state
    switch state.twist {
    case .percentBack?: state.percent = (state.percent / 2).rounded(.down)
    case .percentJump(let percent)? where !state.phase.isTerminal:
      state.percent = Double(percent)
    default: break
    }
    let unknown: Int? = if case .unknownStatus(let variant)? = state.twist { variant } else { nil }
    var tree: JSONValue =
      switch api {
      case .cpts: encode(perfTest(state, unknown: unknown))
      case .insight: encode(insight(state, unknown: unknown))
      case .quality: encode(quality(state, unknown: unknown))
      case .drs: encode(drs(state, unknown: unknown))
      case .check: check(state, unknown: unknown)
      }
    if state.twist == .cosmetic { tree = cosmetic(tree, api: api) }
    return tree
  }

  /// What the model reads from `body`: its normalized phase, or nil when it does not decode.
  static func shows(_ body: Data, api: CloudAPI) -> TaskProgress.Phase? {
    (try? api.decodeResponse(from: body))?.taskProgress.phase
  }

  private static func perfTest(_ state: State, unknown: Int?) -> PerfTestUploadProcessResponse {
    let projects = 4
    var statuses: [PerfTestImportStatus]
    var processStatus: PerfTestProcessStatus = .importing
    if state.phase.isTerminal {
      processStatus = .imported
      statuses =
        switch state.outcome {
        case .succeeded: Array(repeating: .succeeded, count: projects)
        case .partiallySucceeded: [.succeeded, .failed, .succeeded, .succeeded]
        default: Array(repeating: .failed, count: projects)
        }
    } else {
      let done = state.settling ? projects - 1 : min(projects, Int(state.percent) * projects / 100)
      statuses = (0..<projects).map { $0 < done ? .succeeded : .importing }
      // The documented trap: the process says imported while a project still imports.
      if state.settling { processStatus = .imported }
    }
    if let unknown {
      switch unknown {
      case 0: processStatus = .unknown(2)
      case 1: processStatus = .unknown(3)
      default:
        // A project in an undocumented state, once the process says imported.
        processStatus = .imported
        statuses[projects - 1] = .unknown(7)
      }
    }
    let details = statuses.enumerated().map { index, status in
      PerfTestUploadDetail(
        id: Int64(index + 1), name: "project-\(index + 1)", status: status,
        cause: status == .failed ? "Script parse failed at line 12" : "")
    }
    return PerfTestUploadProcessResponse(
      code: "SVCSTG.CPTS.0000000", message: "success",
      process: PerfTestUploadProcess(details: details, processStatus: processStatus))
  }

  private static func insight(_ state: State, unknown: Int?) -> InsightImportTask {
    var status: InsightImportStatus =
      switch state.phase {
      case .queued: state.elapsed % 2 == 0 ? .pending : .notActivated
      case .succeeded: .succeeded
      case .partiallySucceeded: .partiallySucceeded
      case .failed, .stopped, .timedOut: .failed
      default: .processing
      }
    if let unknown { status = [.unknown(5), .unknown("processing"), .unknown(-2)][unknown % 3] }
    let failed = status == .failed || status == .partiallySucceeded
    return InsightImportTask(
      id: "fuzz-import", name: "polling fuzz", workspaceID: "fuzz-workspace",
      obsBucket: "fuzz-bucket", obsObjectKey: "package.zip",
      importDetail: status == .succeeded ? "Import successful." : "", status: status,
      errorMessage: failed ? "2 of 5 resources failed to import" : nil,
      importType: .resourcePackage, createUser: "fuzz",
      createDate: LongTimestamp(milliseconds: state.startMilliseconds),
      updateDate: LongTimestamp(milliseconds: state.startMilliseconds + Int64(state.elapsed)))
  }

  private static func quality(_ state: State, unknown: Int?) -> QualityResourceStatus {
    var status = QualityResourceStatus(
      id: "fuzz-record", resourceID: "fuzz-resource", resourceType: .ruleTemplate,
      action: .export, fileName: "rule_templates.zip")
    switch state.phase {
    case .queued:
      status.status = .waiting
      status.fileStatus = .preparing
    case .succeeded:
      status.status = .succeeded
      status.fileStatus = .generated
    case .timedOut:
      status.status = .timedOut
      status.errorMessage = "The task timed out."
    case .failed, .stopped, .partiallySucceeded:
      status.status = .failed
      status.fileStatus = .failed
      status.errorMessage = "Failed to export rule templates."
    default:
      // The documented trap: SUCCESS while the file is still PREPARING is not done.
      status.status = state.settling ? .succeeded : .running
      status.fileStatus = .preparing
    }
    if let unknown {
      switch unknown {
      case 0: status.status = .unknown("SUCCEEDED")
      case 1: status.status = .unknown("PAUSED")
      default:
        status.status = .succeeded
        status.fileStatus = .unknown("ARCHIVING")
      }
    }
    return status
  }

  private static func drs(_ state: State, unknown: Int?) -> DRSTemplateImportProgress {
    let rows = NumericString(Int64(state.percent * 0.4))
    var progress: DRSTemplateImportProgress
    switch state.phase {
    case .succeeded:
      progress = DRSTemplateImportProgress(
        sendSuccess: true, processStatus: .succeeded, parsedSuccessNumber: NumericString(40))
    case .failed, .partiallySucceeded, .stopped, .timedOut:
      progress = DRSTemplateImportProgress(
        sendSuccess: true, processStatus: .failed, parsedSuccessNumber: NumericString(17))
    default:
      // No in-progress value is documented: a running template has no process_status.
      progress = DRSTemplateImportProgress(
        sendSuccess: state.percent > 0, parsedSuccessNumber: rows)
    }
    if let unknown {
      progress.processStatus =
        [.unknown("processing"), .unknown("parsing"), .unknown(1)][unknown % 3]
    }
    return progress
  }

  /// Built as a tree so that the documented `"ratio": null` is sent as null.
  private static func check(_ state: State, unknown: Int?) -> JSONValue {
    func body(_ status: JSONValue, ratio: JSONValue, info: JSONValue) -> JSONValue {
      .object([
        JSONMember("task_status", status),
        JSONMember("progress", .object([JSONMember("ratio", ratio), JSONMember("info", info)])),
      ])
    }
    let ratio: JSONValue =
      state.twist == .nullRatio ? .null : .string("\(Int(state.percent.rounded(.down)))%")
    var tree: JSONValue =
      switch state.phase {
      case .queued: body(.null, ratio: .null, info: .null)
      case .succeeded: body(.number("2"), ratio: .string("100%"), info: .string("success"))
      case .stopped: body(.number("3"), ratio: .null, info: .null)
      case .failed, .partiallySucceeded, .timedOut: body(.number("1"), ratio: .null, info: .null)
      default: body(.number("0"), ratio: ratio, info: .string("running"))
      }
    if let unknown {
      let value: JSONValue = [.number("4"), .number("-1"), .string("checking")][unknown % 3]
      tree = body(value, ratio: ratio, info: .string("running"))
    }
    return tree
  }

  /// An odd cosmetic field: an unknown member, and Insight's documented `create_date`
  /// beyond Int64.
  private static func cosmetic(_ tree: JSONValue, api: CloudAPI) -> JSONValue {
    guard case .object(var members) = tree else { return tree }
    if api == .insight, let index = members.firstIndex(where: { $0.key == "create_date" }) {
      members[index].value = .number("9223372036854776000")
    }
    members.append(
      JSONMember("x_fuzz_unknown_member", .array([.number("1e400"), .string("\u{202E}")])))
    return .object(members)
  }

  private static func encode(_ model: some Encodable) -> JSONValue {
    (try? JSONValueEncoder().encode(model)) ?? .object([])
  }
}
