import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Client: the five operations against the simulator")
struct ClientOperationTests {
  static let scenario = SimulatorScenario(tasks: [
    TaskScript(api: .cpts, id: project, polls: 2),
    TaskScript(api: .insight, id: "insight-1", polls: 2),
    TaskScript(api: .quality, id: "quality-1", polls: 2),
    TaskScript(api: .drs, id: "drs-1", polls: 2),
    TaskScript(api: .check, id: "check-1", polls: 2),
  ])

  @Test("each typed method answers with every credential kind", arguments: CredentialKind.allCases)
  func fiveOperations(_ kind: CredentialKind) async throws {
    try await withSimulator(Self.scenario) { simulator in
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: try await kind.credentials(for: simulator))
      let cpts = try await client.perfTestImportProgress()
      #expect(cpts.taskProgress.phase == .running)
      let insight = try await client.insightImportTask(id: "insight-1", workspaceID: "w")
      #expect(insight.taskProgress.phase == .queued)
      let quality = try await client.qualityResourceStatus(id: "quality-1", workspace: "w")
      #expect(quality.taskProgress.phase == .queued)
      let drs = try await client.drsTemplateImportProgress(
        jobID: "drs-1", offset: 0, limit: 10, type: "column", language: "zh-cn")
      #expect(drs.taskProgress.phase == .running)
      let check = try await client.checkTaskProgress(taskID: "check-1", jobID: "job-7")
      #expect(check.taskProgress.phase == .running)
      // The second poll of a two-poll script sees the end.
      #expect(
        try await client.checkTaskProgress(taskID: "check-1").taskProgress.phase == .succeeded)
      #expect(await client.issuedTokenCount == (kind == .password ? 1 : 0))
    }
  }

  @Test("an error answer throws its status, code, message and request id")
  func errorAnswer() async throws {
    try await withSimulator(Self.scenario) { simulator in
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: try await CredentialKind.accessKey.credentials(for: simulator))
      let error = await #expect(throws: ProgressClientError.self) {
        _ = try await client.drsTemplateImportProgress(jobID: "no-such-job")
      }
      let cloud = try #require(error?.cloudError)
      #expect(cloud.httpStatus == 400)
      #expect(cloud.code == "DRS.10000010")
      #expect(cloud.message == "Job does not exist, please check job ID.")
      #expect(cloud.requestID?.isEmpty == false)
      #expect(error?.requestID == cloud.requestID)
      #expect(
        error?.description.hasPrefix("drs: HTTP 400 DRS.10000010: Job does not exist") == true)
    }
  }

  @Test("an answer that does not decode names the operation and the JSON path")
  func undecodableBody() async throws {
    let transport = ScriptedTransport(
      inner: URLSession.shared,
      script: { _, request in
        answer(
          request, status: 200, body: #"{"task_status": 0, "progress": ["not", "an object"]}"#,
          headers: ["X-Request-Id": "req-42"])
      })
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
      credentials: .token(Secret("t")), transport: transport)
    let error = await #expect(throws: ProgressClientError.self) {
      _ = try await client.checkTaskProgress(taskID: "t1")
    }
    guard case .undecodableBody(let operation, let path, _, let requestID) = error else {
      Issue.record("expected undecodableBody, got \(String(describing: error))")
      return
    }
    #expect(operation == .check)
    #expect(path == "/progress")
    #expect(requestID == "req-42")
    #expect(error?.description.hasPrefix("check: the answer does not decode at /progress") == true)
  }

  @Test("wire anomalies come back on the model, not as an error")
  func wireAnomaliesPassedOn() async throws {
    let transport = ScriptedTransport(
      inner: URLSession.shared,
      script: { _, request in
        answer(request, status: 200, body: #"{"status": 4, "name": 5}"#)
      })
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
      credentials: .token(Secret("t")), transport: transport)
    let task = try await client.insightImportTask(id: "i1", workspaceID: "w")
    #expect(task.taskProgress.phase == .running)
    #expect(task.wireAnomalies.map(\.path.description) == ["/name"])
  }

  @Test("requests go to the region's hosts, an override wins, DRS and Check carry their query")
  func requestShape() async throws {
    let transport = ScriptedTransport(
      inner: URLSession.shared,
      script: { _, request in answer(request, status: 200, body: #"{"task_status": 0}"#) })
    let client = ProgressClient(
      endpoints: ServiceEndpoints(
        region: "eu-west-101", overrides: [.check: URL(string: "https://gateway.example/check")!]),
      projectID: project, credentials: .token(Secret("t")), transport: transport)
    _ = try? await client.drsTemplateImportProgress(
      jobID: "j 1", offset: 5, limit: 2, type: "column")
    _ = try await client.checkTaskProgress(taskID: "t1", jobID: "j2")
    _ = try? await client.qualityResourceStatus(id: "r1", workspace: "ws")
    let requests = transport.log.requests
    #expect(
      requests.map { $0.url?.absoluteString ?? "" } == [
        "https://drs.eu-west-101.myhuaweicloud.eu/v5/\(project)/jobs/j%201/db-object/template/progress?offset=5&limit=2&type=column",
        "https://gateway.example/check/v2/tasks/t1/progress?job_id=j2",
        "https://dayu.eu-west-101.myhuaweicloud.eu/v2/\(project)/quality/resource/status/r1",
      ])
    #expect(requests[0].value(forHTTPHeaderField: "X-Language") == "en-us")
    #expect(requests[0].value(forHTTPHeaderField: "Content-Type") == "application/json")
    #expect(requests[2].value(forHTTPHeaderField: "workspace") == "ws")
    #expect(requests.allSatisfy { $0.value(forHTTPHeaderField: "X-Auth-Token") == "t" })
    let made = try [
      ServiceEndpoints(region: "eu-west-101").baseURL(for: .drs),
      ServiceEndpoints(region: "cn-north-4").baseURL(for: .quality),
      ServiceEndpoints(region: "cn-north-4").identityURL(),
    ].map(\.absoluteString)
    #expect(
      made == [
        "https://drs.eu-west-101.myhuaweicloud.eu", "https://dayu.cn-north-4.myhuaweicloud.com",
        "https://iam.cn-north-4.myhuaweicloud.com",
      ])
  }
}
