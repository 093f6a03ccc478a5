import Foundation

/// The five task-progress operations, by their short keys.
public enum CloudAPI: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// CodeArts PerfTest: import progress of test projects.
  case cpts
  /// DataArts Insight: an import task.
  case insight
  /// DataArts Quality: an import or export task.
  case quality
  /// DRS: an object import template's upload and parsing.
  case drs
  /// CodeArts Check: a check task.
  case check

  /// The model of a successful answer.
  public var responseType: any TaskProgressReporting.Type {
    switch self {
    case .cpts: PerfTestUploadProcessResponse.self
    case .insight: InsightImportTask.self
    case .quality: QualityResourceStatus.self
    case .drs: DRSTemplateImportProgress.self
    case .check: CheckTaskProgress.self
    }
  }

  /// Decodes a successful answer's body into ``responseType``; a body nested deeper than
  /// 512 levels is refused before `JSONDecoder` sees it (see ``NestingGuard``).
  public func decodeResponse(from body: Data, using decoder: JSONDecoder = JSONDecoder())
    throws -> any TaskProgressReporting
  {
    try NestingGuard.check(body)
    func decode<Model: TaskProgressReporting>(_ type: Model.Type) throws
      -> any TaskProgressReporting
    {
      try decoder.decode(type, from: body)
    }
    return try decode(responseType)
  }

  /// The key.
  public var description: String { rawValue }
}
