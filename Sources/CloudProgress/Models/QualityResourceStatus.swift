/// The answer of DataArts Quality `GET /v2/{project_id}/quality/resource/status/{resource_id}`:
/// the state of an import or export task. Every field is a string on the wire.
public struct QualityResourceStatus: Hashable, Sendable, Codable {
  /// The record id (`id`).
  @Tolerant public var id: String?
  /// The import or export task id (`resource_id`).
  @Tolerant public var resourceID: String?
  /// What is imported or exported (`resource_type`).
  @Tolerant public var resourceType: QualityResourceType?
  /// Export or import (`action`).
  @Tolerant public var action: QualityAction?
  /// The resource file name (`file_name`).
  @Tolerant public var fileName: String?
  /// The start time, in no documented format (`start_time`).
  @Tolerant public var startTime: String?
  /// The end time, in no documented format (`end_time`).
  @Tolerant public var endTime: String?
  /// The task state (`status`).
  public var status: QualityTaskStatus?
  /// Why the task failed (`error_msg`).
  @Tolerant public var errorMessage: String?
  /// The project id (`project_id`).
  @Tolerant public var projectID: String?
  /// The account (domain) id (`domain_id`).
  @Tolerant public var domainID: String?
  /// The user name (`user_name`).
  @Tolerant public var userName: String?
  /// The resources to export (`export_resources`), blank by default.
  @Tolerant public var exportResources: String?
  /// The import body (`import_body`), blank by default.
  @Tolerant public var importBody: String?
  /// The state of the exported file (`file_status`).
  public var fileStatus: QualityFileStatus?

  /// Creates a status.
  public init(
    id: String? = nil, resourceID: String? = nil, resourceType: QualityResourceType? = nil,
    action: QualityAction? = nil, fileName: String? = nil, startTime: String? = nil,
    endTime: String? = nil, status: QualityTaskStatus? = nil, errorMessage: String? = nil,
    projectID: String? = nil, domainID: String? = nil, userName: String? = nil,
    exportResources: String? = nil, importBody: String? = nil,
    fileStatus: QualityFileStatus? = nil
  ) {
    self.id = id
    self.resourceID = resourceID
    self.resourceType = resourceType
    self.action = action
    self.fileName = fileName
    self.startTime = startTime
    self.endTime = endTime
    self.status = status
    self.errorMessage = errorMessage
    self.projectID = projectID
    self.domainID = domainID
    self.userName = userName
    self.exportResources = exportResources
    self.importBody = importBody
    self.fileStatus = fileStatus
  }

  private enum CodingKeys: String, CodingKey {
    case id
    case resourceID = "resource_id"
    case resourceType = "resource_type"
    case action
    case fileName = "file_name"
    case startTime = "start_time"
    case endTime = "end_time"
    case status
    case errorMessage = "error_msg"
    case projectID = "project_id"
    case domainID = "domain_id"
    case userName = "user_name"
    case exportResources = "export_resources"
    case importBody = "import_body"
    case fileStatus = "file_status"
  }
}
