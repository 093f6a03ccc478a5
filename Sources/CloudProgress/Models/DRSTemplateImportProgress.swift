/// The answer of DRS `ShowDbObjectTemplateProgress`
/// (`GET /v5/{project_id}/jobs/{job_id}/db-object/template/progress`): how far the upload and
/// parsing of an object import template got.
public struct DRSTemplateImportProgress: Hashable, Sendable, Codable {
  /// Whether the template upload is complete (`send_success`).
  @Tolerant public var sendSuccess: Bool?
  /// The parsing state (`process_status`).
  public var processStatus: DRSProcessStatus?
  /// How many rows were parsed, a number in a string (`parsed_success_number`).
  @Tolerant public var parsedSuccessNumber: NumericString?

  /// Creates a progress.
  public init(
    sendSuccess: Bool? = nil, processStatus: DRSProcessStatus? = nil,
    parsedSuccessNumber: NumericString? = nil
  ) {
    self.sendSuccess = sendSuccess
    self.processStatus = processStatus
    self.parsedSuccessNumber = parsedSuccessNumber
  }

  private enum CodingKeys: String, CodingKey {
    case sendSuccess = "send_success"
    case processStatus = "process_status"
    case parsedSuccessNumber = "parsed_success_number"
  }
}
