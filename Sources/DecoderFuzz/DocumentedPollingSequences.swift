import CloudProgress

/// The polling sequences of the package's cassettes (`cassettes/*.json`), answer by answer
/// as a poller sees them (an answer stored with `repeat: n` comes n times): the documented
/// runs the sequence oracle lays fuzzed cosmetic fields over. A test keeps them equal to
/// the cassettes.
public enum DocumentedPollingSequences {
  /// The sequences of `api`.
  public static func of(_ api: CloudAPI) -> [[String]] {
    switch api {
    case .cpts: [cpts]
    case .insight: [insight]
    case .quality: [quality]
    case .drs: [drs]
    case .check: [check]
    }
  }

  /// `cassettes/cpts-import-polling.json`.
  static let cpts = [
    #"{"code":"SVCSTG.CPTS.0000000","json":{"details":[{"cause":"","id":0,"name":"Project 0","status":0},{"cause":"","id":1,"name":"Project 1","status":0}],"process_status":0},"message":"success"}"#,
    #"{"code":"SVCSTG.CPTS.0000000","json":{"details":[{"cause":"","id":0,"name":"Project 0","status":1},{"cause":"","id":1,"name":"Project 1","status":0}],"process_status":0},"message":"success"}"#,
    #"{"code":"SVCSTG.CPTS.0000000","json":{"details":[{"cause":"","id":0,"name":"Project 0","status":1},{"cause":"","id":1,"name":"Project 1","status":1}],"process_status":1},"message":"success"}"#,
  ]

  /// `cassettes/insight-import-polling.json`.
  static let insight = [
    #"{"create_date":9223372036854776000,"create_user":"tape","id":"2406a337-xxxx-a5b2-b01a61d2043b","import_detail":"","import_type":"import","name":"simulated import","obs_bucket":"tape-simulator","obs_object_key":"package.zip","status":0,"update_date":1795000000000,"workspace_id":"12913c92-xxxx-b8fd-a72af3945b61"}"#,
    #"{"create_date":9223372036854776000,"create_user":"tape","id":"2406a337-xxxx-a5b2-b01a61d2043b","import_detail":"","import_type":"import","name":"simulated import","obs_bucket":"tape-simulator","obs_object_key":"package.zip","status":4,"update_date":1795000001567,"workspace_id":"12913c92-xxxx-b8fd-a72af3945b61"}"#,
    #"{"create_date":9223372036854776000,"create_user":"tape","id":"2406a337-xxxx-a5b2-b01a61d2043b","import_detail":"Import successful.","import_type":"import","name":"simulated import","obs_bucket":"tape-simulator","obs_object_key":"package.zip","status":1,"update_date":1795000004805,"workspace_id":"12913c92-xxxx-b8fd-a72af3945b61"}"#,
  ]

  /// `cassettes/quality-export-polling.json`.
  static let quality = [
    #"{"action":"EXPORT","file_name":"rule_templates.zip","file_status":"PREPARING","id":"record-9f8e7d6c-0000-4000-8000-000000000002","resource_id":"9f8e7d6c-0000-4000-8000-000000000002","resource_type":"RULE_TEMPLATE","status":"WAITING"}"#,
    #"{"action":"EXPORT","file_name":"rule_templates.zip","file_status":"PREPARING","id":"record-9f8e7d6c-0000-4000-8000-000000000002","resource_id":"9f8e7d6c-0000-4000-8000-000000000002","resource_type":"RULE_TEMPLATE","status":"RUNNING"}"#,
    #"{"action":"EXPORT","file_name":"rule_templates.zip","file_status":"PREPARING","id":"record-9f8e7d6c-0000-4000-8000-000000000002","resource_id":"9f8e7d6c-0000-4000-8000-000000000002","resource_type":"RULE_TEMPLATE","status":"SUCCESS"}"#,
    #"{"action":"EXPORT","file_name":"rule_templates.zip","file_status":"GENERATED","id":"record-9f8e7d6c-0000-4000-8000-000000000002","resource_id":"9f8e7d6c-0000-4000-8000-000000000002","resource_type":"RULE_TEMPLATE","status":"SUCCESS"}"#,
  ]

  /// `cassettes/drs-template-progress.json`.
  static let drs = [
    #"{"parsed_success_number":"0","send_success":false}"#,
    #"{"parsed_success_number":"40","process_status":"success","send_success":true}"#,
  ]

  /// `cassettes/check-task-polling.json`.
  static let check = [
    #"{"task_status":0,"progress":{"ratio":"0%","info":"running"}}"#,
    #"{"task_status":0,"progress":{"ratio":"0%","info":"running"}}"#,
    #"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#,
    #"{"task_status":2,"progress":{"ratio":"100%","info":"success"}}"#,
  ]
}
