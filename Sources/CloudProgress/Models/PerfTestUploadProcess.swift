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

  /// Decodes a progress; a `null` element of `details` is skipped (every field of the
  /// SDK's models is optional, and the fuzzer found that a null detail made the whole
  /// answer undecodable).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.details = try container.decodeIfPresent([PerfTestUploadDetail?].self, forKey: .details)?
      .compactMap { $0 }
    self.processStatus = try container.decodeIfPresent(
      PerfTestProcessStatus.self, forKey: .processStatus)
  }
}
