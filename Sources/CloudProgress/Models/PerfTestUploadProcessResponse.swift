/// The answer of CodeArts PerfTest `ShowProcess`
/// (`GET /v1/{project_id}/test-suites/upload/processes`): the import progress of test
/// projects, wrapped in the CPTS envelope.
public struct PerfTestUploadProcessResponse: Hashable, Sendable, Codable {
  /// The result code, `SVCSTG.CPTS.0000000` on success.
  @Tolerant public var code: String?
  /// The result message, `success` on success.
  @Tolerant public var message: String?
  /// The progress itself (`json`).
  public var process: PerfTestUploadProcess?
  /// Extension information (`extend`), usually null.
  @Tolerant public var extend: String?

  /// Creates a response.
  public init(
    code: String? = nil, message: String? = nil, process: PerfTestUploadProcess? = nil,
    extend: String? = nil
  ) {
    self.code = code
    self.message = message
    self.process = process
    self.extend = extend
  }

  private enum CodingKeys: String, CodingKey {
    case code, message
    case process = "json"
    case extend
  }
}
