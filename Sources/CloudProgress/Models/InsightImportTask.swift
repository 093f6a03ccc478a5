/// The answer of DataArts Insight
/// `GET /v1/{project_id}/resource-package/import-tasks/{task_id}`: one import task.
public struct InsightImportTask: Hashable, Sendable, Codable {
  /// The task id (`id`).
  @Tolerant public var id: String?
  /// The import name (`name`).
  @Tolerant public var name: String?
  /// The account (domain) id (`domain_id`).
  @Tolerant public var domainID: String?
  /// The project id (`project_id`).
  @Tolerant public var projectID: String?
  /// The workspace id (`workspace_id`).
  @Tolerant public var workspaceID: String?
  /// The import parameters (`import_param`).
  @Tolerant public var importParameters: String?
  /// The OBS bucket of the package (`obs_bucket`).
  @Tolerant public var obsBucket: String?
  /// The OBS object key of the package (`obs_object_key`).
  @Tolerant public var obsObjectKey: String?
  /// A description of what was imported (`import_detail`).
  @Tolerant public var importDetail: String?
  /// The task state (`status`).
  public var status: InsightImportStatus?
  /// Why the task failed (`error_msg`).
  @Tolerant public var errorMessage: String?
  /// The kind of import (`import_type`).
  @Tolerant public var importType: InsightImportType?
  /// The creator's id (`create_user`).
  @Tolerant public var createUser: String?
  /// The creator's name (`create_user_name`).
  @Tolerant public var createUserName: String?
  /// When the task was created (`create_date`, epoch milliseconds).
  @Tolerant public var createDate: LongTimestamp?
  /// When the task last changed (`update_date`, epoch milliseconds).
  @Tolerant public var updateDate: LongTimestamp?

  /// Creates a task.
  public init(
    id: String? = nil, name: String? = nil, domainID: String? = nil, projectID: String? = nil,
    workspaceID: String? = nil, importParameters: String? = nil, obsBucket: String? = nil,
    obsObjectKey: String? = nil, importDetail: String? = nil,
    status: InsightImportStatus? = nil, errorMessage: String? = nil,
    importType: InsightImportType? = nil, createUser: String? = nil,
    createUserName: String? = nil, createDate: LongTimestamp? = nil,
    updateDate: LongTimestamp? = nil
  ) {
    self.id = id
    self.name = name
    self.domainID = domainID
    self.projectID = projectID
    self.workspaceID = workspaceID
    self.importParameters = importParameters
    self.obsBucket = obsBucket
    self.obsObjectKey = obsObjectKey
    self.importDetail = importDetail
    self.status = status
    self.errorMessage = errorMessage
    self.importType = importType
    self.createUser = createUser
    self.createUserName = createUserName
    self.createDate = createDate
    self.updateDate = updateDate
  }

  private enum CodingKeys: String, CodingKey {
    case id, name
    case domainID = "domain_id"
    case projectID = "project_id"
    case workspaceID = "workspace_id"
    case importParameters = "import_param"
    case obsBucket = "obs_bucket"
    case obsObjectKey = "obs_object_key"
    case importDetail = "import_detail"
    case status
    case errorMessage = "error_msg"
    case importType = "import_type"
    case createUser = "create_user"
    case createUserName = "create_user_name"
    case createDate = "create_date"
    case updateDate = "update_date"
  }
}
