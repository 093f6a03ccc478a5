/// The CodeArts PerfTest import progress (`UploadProcessJson`).
public struct PerfTestUploadProcess: Hashable, Sendable, Codable {
  /// One entry per imported project (`details`).
  public var details: [PerfTestUploadDetail]?
  /// The overall state (`process_status`).
  public var processStatus: PerfTestProcessStatus?

  /// Creates a progress.
  public init(details: [PerfTestUploadDetail]? = nil, processStatus: PerfTestProcessStatus? = nil) {
    self.details = details
    self.processStatus = processStatus
  }

  private enum CodingKeys: String, CodingKey {
    case details
    case processStatus = "process_status"
  }
}
