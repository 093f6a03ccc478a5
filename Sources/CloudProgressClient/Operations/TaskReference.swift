import CloudProgress

/// Which task to ask about, with each operation's parameters.
public enum TaskReference: Hashable, Sendable, CustomStringConvertible {
  /// CodeArts PerfTest: the import progress of the project (the client's project id).
  case cpts
  /// DataArts Insight: an import task in a workspace (`X-Workspace-Id`).
  case insight(taskID: String, workspaceID: String)
  /// DataArts Quality: an import or export in a workspace (the `workspace` header).
  case quality(resourceID: String, workspace: String)
  /// DRS: an object import template's progress; `language` is `en-us` (default) or `zh-cn`.
  case drs(
    jobID: String, offset: Int? = nil, limit: Int? = nil, type: String? = nil,
    language: String? = nil)
  /// CodeArts Check: a check task, optionally one job of it.
  case check(taskID: String, jobID: String? = nil)

  /// The operation that answers.
  public var api: CloudAPI {
    switch self {
    case .cpts: .cpts
    case .insight: .insight
    case .quality: .quality
    case .drs: .drs
    case .check: .check
    }
  }

  /// `check 2b31ed52…`.
  public var description: String {
    switch self {
    case .cpts: "cpts"
    case .insight(let id, _): "insight \(id)"
    case .quality(let id, _): "quality \(id)"
    case .drs(let id, _, _, _, _): "drs \(id)"
    case .check(let id, _): "check \(id)"
    }
  }

  /// The path parameters besides the project id.
  var pathParameters: [String: String] {
    switch self {
    case .cpts: [:]
    case .insight(let id, _), .check(let id, _): ["task_id": id]
    case .quality(let id, _): ["resource_id": id]
    case .drs(let id, _, _, _, _): ["job_id": id]
    }
  }

  /// The query, in the documented order.
  var query: [(name: String, value: String)] {
    switch self {
    case .drs(_, let offset, let limit, let type, _):
      [("offset", offset.map(String.init)), ("limit", limit.map(String.init)), ("type", type)]
        .compactMap { name, value in value.map { (name: name, value: $0) } }
    case .check(_, let jobID?): [(name: "job_id", value: jobID)]
    default: []
    }
  }

  /// The operation's own headers (the defaults of the descriptor are added after).
  var headers: [(name: String, value: String)] {
    switch self {
    case .insight(_, let workspace): [("X-Workspace-Id", workspace)]
    case .quality(_, let workspace): [("workspace", workspace)]
    case .drs(_, _, _, _, let language?): [("X-Language", language)]
    default: []
    }
  }
}
