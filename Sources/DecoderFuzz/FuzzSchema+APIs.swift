import CloudProgress
import JSONTree

extension FieldKind {
  /// An open enumeration's documented wire values.
  public static func enumeration<Enumeration: OpenEnumeration>(of type: Enumeration.Type)
    -> FieldKind
  {
    .enumeration(
      Enumeration.documentedCases.map { entry in
        switch entry.wireValue {
        case .string(let text): .string(text)
        case .number(let number): .number(number.text)
        case .bool(let flag): .bool(flag)
        }
      })
  }
}

extension FuzzSchema {
  /// CodeArts PerfTest `ShowProcess` (the CPTS envelope around `UploadProcessJson`).
  public static let cpts = FuzzSchema(
    [
      "/code": .string, "/message": .string, "/extend": .string, "/json": .object,
      "/json/details": .array, "/json/details/*": .object,
      "/json/details/*/id": .integer(FieldKind.int64Range), "/json/details/*/name": .string,
      "/json/details/*/status": .enumeration(of: PerfTestImportStatus.self),
      "/json/details/*/cause": .string,
      "/json/process_status": .enumeration(of: PerfTestProcessStatus.self),
    ], progress: ["/json/process_status", "/json/details/*/status"])

  /// DataArts Insight import task.
  public static let insight = FuzzSchema(
    [
      "/id": .string, "/name": .string, "/domain_id": .string, "/project_id": .string,
      "/workspace_id": .string, "/import_param": .string, "/obs_bucket": .string,
      "/obs_object_key": .string, "/import_detail": .string,
      "/status": .enumeration(of: InsightImportStatus.self), "/error_msg": .string,
      "/import_type": .enumeration(of: InsightImportType.self), "/create_user": .string,
      "/create_user_name": .string, "/create_date": .timestamp, "/update_date": .timestamp,
    ], progress: ["/status"])

  /// DataArts Quality resource status: every field a string.
  public static let quality = FuzzSchema(
    [
      "/id": .string, "/resource_id": .string,
      "/resource_type": .enumeration(of: QualityResourceType.self),
      "/action": .enumeration(of: QualityAction.self), "/file_name": .string,
      "/start_time": .string, "/end_time": .string,
      "/status": .enumeration(of: QualityTaskStatus.self), "/error_msg": .string,
      "/project_id": .string, "/domain_id": .string, "/user_name": .string,
      "/export_resources": .string, "/import_body": .string,
      "/file_status": .enumeration(of: QualityFileStatus.self),
    ], progress: ["/status", "/file_status"])

  /// DRS object import template progress.
  public static let drs = FuzzSchema(
    [
      "/send_success": .boolean, "/process_status": .enumeration(of: DRSProcessStatus.self),
      "/parsed_success_number": .numericString,
    ], progress: ["/process_status"])

  /// CodeArts Check task progress.
  public static let check = FuzzSchema(
    [
      "/task_status": .enumeration(of: CheckTaskStatus.self), "/progress": .object,
      "/progress/ratio": .percentage, "/progress/info": .enumeration(of: CheckProgressInfo.self),
    ], progress: ["/task_status", "/progress/ratio"])

  /// The documented error body shared by the services and the gateway.
  public static let errorBody = FuzzSchema([
    "/error_code": .string, "/error_msg": .string, "/request_id": .string,
  ])
}
