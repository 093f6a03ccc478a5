import CloudProgress
import Foundation
import Testing

/// One row of a mapping table: a payload and the snapshot it must normalize to.
struct MappingRow: Sendable, CustomStringConvertible {
  var json: String
  var phase: TaskProgress.Phase
  var percent: Double?
  var description: String { json }
}

@Suite("TaskProgress mapping")
struct ProgressMappingTests {
  func progress(_ api: CloudAPI, _ json: String) throws -> TaskProgress {
    try api.decodeResponse(from: Data(json.utf8)).taskProgress
  }

  func check(_ api: CloudAPI, _ row: MappingRow) throws {
    let snapshot = try progress(api, row.json)
    #expect(snapshot.phase == row.phase)
    #expect(snapshot.percent == row.percent)
  }

  @Test(
    "CodeArts Check: task_status with the ratio",
    arguments: [
      MappingRow(
        json: #"{"task_status": 0, "progress": {"ratio": "0%"}}"#, phase: .running, percent: 0),
      MappingRow(
        json: #"{"task_status": 0, "progress": {"ratio": "50%", "info": "running"}}"#,
        phase: .running, percent: 50),
      MappingRow(
        json: #"{"task_status": 0, "progress": {"ratio": "150%"}}"#, phase: .running, percent: nil),
      MappingRow(
        json: #"{"task_status": 0, "progress": {"ratio": "n/a"}}"#, phase: .running, percent: nil),
      MappingRow(
        json: #"{"task_status": 2, "progress": {"ratio": "100%", "info": "success"}}"#,
        phase: .succeeded, percent: 100),
      MappingRow(
        json: #"{"task_status": 2, "progress": {"ratio": null}}"#, phase: .succeeded, percent: 100),
      MappingRow(
        json: #"{"task_status": 1, "progress": {"ratio": null}}"#, phase: .failed, percent: nil),
      MappingRow(
        json: #"{"task_status": 3, "progress": {"ratio": null}}"#, phase: .stopped, percent: nil),
      MappingRow(
        json: #"{"task_status": null, "progress": {"ratio": null}}"#, phase: .queued, percent: nil),
      MappingRow(json: #"{"task_status": 9}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"task_status": "2"}"#, phase: .succeeded, percent: 100),
      MappingRow(json: #"{"task_status": 2.0}"#, phase: .unknown, percent: nil),
    ])
  func check(row: MappingRow) throws {
    try check(.check, row)
  }

  @Test(
    "DataArts Insight: status",
    arguments: [
      MappingRow(json: #"{"status": -1}"#, phase: .queued, percent: 0),
      MappingRow(json: #"{"status": 0}"#, phase: .queued, percent: 0),
      MappingRow(json: #"{"status": 4}"#, phase: .running, percent: nil),
      MappingRow(json: #"{"status": 1}"#, phase: .succeeded, percent: 100),
      MappingRow(json: #"{"status": 2, "error_msg": "bad package"}"#, phase: .failed, percent: nil),
      MappingRow(json: #"{"status": 3}"#, phase: .partiallySucceeded, percent: 100),
      MappingRow(json: #"{"status": 7}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{}"#, phase: .unknown, percent: nil),
      // An integer in a string with exactly the documented digits reads as that integer.
      MappingRow(json: #"{"status": "1"}"#, phase: .succeeded, percent: 100),
      MappingRow(json: #"{"status": "-1"}"#, phase: .queued, percent: 0),
      // Anything else that is not the integer's lexeme is unknown: keep polling.
      MappingRow(json: #"{"status": "01"}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"status": " 1"}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"status": 1.0}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"status": 1e0}"#, phase: .unknown, percent: nil),
      MappingRow(
        json: #"{"status": 1.00000000000000000000000000000000000000001}"#, phase: .unknown,
        percent: nil),
    ])
  func insight(row: MappingRow) throws {
    try check(.insight, row)
  }

  @Test(
    "DataArts Quality: status, and file_status for an export",
    arguments: [
      MappingRow(json: #"{"status": "WAITING"}"#, phase: .queued, percent: 0),
      MappingRow(
        json: #"{"status": "RUNNING", "file_status": "PREPARING"}"#, phase: .running, percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "EXPORT", "file_status": "PREPARING"}"#,
        phase: .running, percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "EXPORT", "file_status": "GENERATED"}"#,
        phase: .succeeded, percent: 100),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "EXPORT", "file_status": "DELETED"}"#,
        phase: .succeeded, percent: 100),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "EXPORT", "file_status": "FAILED"}"#,
        phase: .failed, percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "EXPORT", "file_status": "LOST"}"#, phase: .unknown,
        percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "REPORT"}"#, phase: .succeeded, percent: 100),
      // A file still PREPARING is never terminal, whatever the action says.
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "IMPORT", "file_status": "PREPARING"}"#,
        phase: .running, percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "file_status": "PREPARING"}"#, phase: .running, percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "action": "export", "file_status": "PREPARING"}"#,
        phase: .running, percent: nil),
      MappingRow(json: #"{"status": "FAILED", "error_msg": "boom"}"#, phase: .failed, percent: nil),
      MappingRow(json: #"{"status": "TIMEOUT"}"#, phase: .timedOut, percent: nil),
      // Another ASCII letter case reads as the documented value.
      MappingRow(json: #"{"status": "success"}"#, phase: .succeeded, percent: 100),
      MappingRow(json: #"{"status": "Failed"}"#, phase: .failed, percent: nil),
      MappingRow(
        json: #"{"status": "SUCCESS", "file_status": "preparing"}"#, phase: .running, percent: nil),
      MappingRow(json: #"{"status": "SUCCEEDED"}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"status": 1}"#, phase: .unknown, percent: nil),
    ])
  func quality(row: MappingRow) throws {
    try check(.quality, row)
  }

  @Test(
    "DRS: success and failed are terminal, absent runs, anything else is unknown",
    arguments: [
      MappingRow(
        json: #"{"process_status": "success", "parsed_success_number": "1"}"#, phase: .succeeded,
        percent: 100),
      MappingRow(json: #"{"process_status": "failed"}"#, phase: .failed, percent: nil),
      MappingRow(json: #"{"process_status": "parsing"}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"process_status": ""}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"process_status": 1}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"process_status": "SUCCESS"}"#, phase: .succeeded, percent: 100),
      MappingRow(json: #"{"send_success": false}"#, phase: .running, percent: nil),
      MappingRow(
        json: #"{"send_success": true, "parsed_success_number": "40"}"#, phase: .running,
        percent: nil),
    ])
  func drs(row: MappingRow) throws {
    try check(.drs, row)
  }

  @Test(
    "CodeArts PerfTest: process_status, then the details",
    arguments: [
      MappingRow(
        json: #"{"json": {"process_status": 0, "details": [{"status": 0}, {"status": 1}]}}"#,
        phase: .running, percent: 50),
      MappingRow(
        json: #"{"json": {"process_status": 0, "details": []}}"#, phase: .running, percent: nil),
      MappingRow(
        json: #"{"json": {"process_status": 1, "details": [{"status": 1}]}}"#, phase: .succeeded,
        percent: 100),
      MappingRow(json: #"{"json": {"process_status": 1}}"#, phase: .succeeded, percent: 100),
      MappingRow(
        json:
          #"{"json": {"process_status": 1, "details": [{"status": 1}, {"status": 2, "cause": "x"}]}}"#,
        phase: .partiallySucceeded, percent: 100),
      MappingRow(
        json: #"{"json": {"process_status": 1, "details": [{"status": 2, "cause": "x"}]}}"#,
        phase: .failed, percent: nil),
      MappingRow(json: #"{"json": {"process_status": 5}}"#, phase: .unknown, percent: nil),
      // Terminal only once no detail is still importing; the outcome comes from the details.
      MappingRow(
        json: #"{"json": {"process_status": 1, "details": [{"status": 1}, {"status": 0}]}}"#,
        phase: .running, percent: 50),
      MappingRow(
        json: #"{"json": {"process_status": 1, "details": [{"status": 1}, {"status": 7}]}}"#,
        phase: .unknown, percent: nil),
      MappingRow(
        json: #"{"json": {"process_status": 1, "details": [{"status": 1}, {"name": "p"}]}}"#,
        phase: .unknown, percent: nil),
      MappingRow(
        json: #"{"json": {"process_status": "1", "details": [{"status": "2"}]}}"#,
        phase: .failed, percent: nil),
      MappingRow(json: #"{"json": {"process_status": 1.0}}"#, phase: .unknown, percent: nil),
      MappingRow(json: #"{"code": "SVCSTG.CPTS.0000000"}"#, phase: .unknown, percent: nil),
    ])
  func perfTest(row: MappingRow) throws {
    try check(.cpts, row)
  }

  @Test("details carry the failure causes and the counts")
  func details() throws {
    let failed = try progress(
      .cpts,
      #"{"json": {"process_status": 1, "details": [{"name": "p1", "status": 2, "cause": "bad script"}, {"name": "p2", "status": 1}]}}"#
    )
    #expect(failed.detail == "p1: bad script")
    let running = try progress(
      .cpts,
      #"{"json": {"process_status": 0, "details": [{"status": 1}, {"status": 0}, {"status": 0}]}}"#)
    #expect(running.detail == "1 of 3 projects imported")
    #expect(
      try progress(.drs, #"{"process_status": "success", "parsed_success_number": "12"}"#).detail
        == "12 rows parsed")
    #expect(
      try progress(.check, #"{"task_status": 0, "progress": {"info": "running"}}"#).detail
        == "running")
  }

  @Test("an undocumented value is unknown, and the snapshot says which value")
  func undocumentedDetail() throws {
    #expect(
      try progress(.drs, #"{"process_status": "parsing"}"#).detail
        == #"undocumented process_status "parsing""#)
    #expect(try progress(.insight, #"{"status": 1.0}"#).detail == "undocumented status 1.0")
    #expect(
      try progress(
        .cpts, #"{"json": {"process_status": 1, "details": [{"name": "p", "status": 9}]}}"#
      )
      .detail == "undocumented status of p 9")
  }
}
