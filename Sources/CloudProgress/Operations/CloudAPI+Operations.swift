extension CloudAPI {
  /// How to call the operation: the documented request, with what the SDKs add.
  public var operation: OperationDescriptor {
    Self.operations[self] ?? described
  }

  /// Each API's operation, made once: `tape inspect` and the drift report ask for every
  /// API's path for every recorded interaction.
  private static let operations = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0, $0.described) })

  /// The operation, as documented.
  private var described: OperationDescriptor {
    switch self {
    case .cpts:
      OperationDescriptor(
        serviceName: "CodeArts PerfTest (CPTS)", title: "Querying the Import Progress",
        sdkOperationName: "ShowProcess", method: "GET",
        path: PathTemplate("/v1/{project_id}/test-suites/upload/processes"),
        queryParameters: [], headers: [], hostPattern: "cpts.{region}.myhuaweicloud.com")
    case .insight:
      OperationDescriptor(
        serviceName: "DataArts Insight", title: "Obtaining Import Task Details",
        sdkOperationName: nil, method: "GET",
        path: PathTemplate("/v1/{project_id}/resource-package/import-tasks/{task_id}"),
        queryParameters: [],
        headers: [.init(name: "X-Workspace-Id", isRequired: true, defaultValue: nil)],
        hostPattern: "dataartsinsight.{region}.myhuaweicloud.com")
    case .quality:
      OperationDescriptor(
        serviceName: "DataArts Studio (DataArts Quality)",
        title: "Obtaining the Status of an Import/Export Task", sdkOperationName: nil,
        method: "GET", path: PathTemplate("/v2/{project_id}/quality/resource/status/{resource_id}"),
        queryParameters: [],
        headers: [.init(name: "workspace", isRequired: true, defaultValue: nil)],
        hostPattern: "dayu.{region}.myhuaweicloud.com")
    case .drs:
      OperationDescriptor(
        serviceName: "Data Replication Service (DRS)",
        title: "Querying the Progress of Uploading the Object Import Template",
        sdkOperationName: "ShowDbObjectTemplateProgress", method: "GET",
        path: PathTemplate("/v5/{project_id}/jobs/{job_id}/db-object/template/progress"),
        queryParameters: [
          .init(name: "offset", isInteger: true, isRequired: false),
          .init(name: "limit", isInteger: true, isRequired: false),
          .init(name: "type", isInteger: false, isRequired: false),
        ],
        headers: [
          .init(name: "Content-Type", isRequired: true, defaultValue: "application/json"),
          .init(name: "X-Language", isRequired: false, defaultValue: "en-us"),
        ],
        hostPattern: "drs.{region}.myhuaweicloud.com")
    case .check:
      OperationDescriptor(
        serviceName: "CodeArts Check", title: "Querying the Status of a Task",
        sdkOperationName: "ShowProgressDetail", method: "GET",
        path: PathTemplate("/v2/tasks/{task_id}/progress"),
        queryParameters: [.init(name: "job_id", isInteger: false, isRequired: false)],
        headers: [], hostPattern: "codearts-check.{region}.myhuaweicloud.com")
    }
  }
}
