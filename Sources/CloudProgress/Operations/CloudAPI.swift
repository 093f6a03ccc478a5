import Foundation
import JSONTree

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

  /// Decodes a successful answer's body into ``responseType`` through the models' safe
  /// entry point (``TaskProgressReporting/init(jsonData:)``).
  public func decodeResponse(from body: Data) throws -> any TaskProgressReporting {
    try responseType.init(jsonData: body)
  }

  /// Decodes a successful answer already parsed into a tree, as
  /// ``decodeResponse(from:)-(Data)`` does after parsing the body.
  public func decodeResponse(from document: JSONValue) throws -> any TaskProgressReporting {
    try responseType.init(json: document)
  }

  /// The key.
  public var description: String { rawValue }
}
