import CloudProgress
import Foundation
import Testing

@Suite("Seed corpus")
struct SeedCorpusTests {
  let decoder = JSONDecoder()

  @Test("CPTS 200: the envelope, one imported project, finished")
  func perfTest() throws {
    let response = try decoder.decode(
      PerfTestUploadProcessResponse.self, from: try corpusFile("cpts/seeds/show-process-200.json"))
    #expect(response.code == "SVCSTG.CPTS.0000000")
    #expect(response.message == "success")
    #expect(response.extend == nil)
    #expect(response.process?.processStatus == .imported)
    let detail = try #require(response.process?.details?.first)
    #expect(response.process?.details?.count == 1)
    #expect(detail.id == 0)
    #expect(detail.name == "Project name")
    #expect(detail.status == .succeeded)
    #expect(detail.cause == "")
    #expect(
      response.taskProgress == TaskProgress(phase: .succeeded, percent: 100, detail: "success"))
  }

  @Test("CPTS 501: a plain-text body becomes the message")
  func perfTestError() throws {
    let error = CloudError(
      httpStatus: 501, requestID: nil,
      body: try corpusFile("cpts/seeds/synthesized-show-process-501.txt"))
    #expect(error.message == "unknown error")
    #expect(error.code == nil)
  }

  @Test("Insight 200: every field, the huge create_date and the literal import_type")
  func insight() throws {
    let task = try decoder.decode(
      InsightImportTask.self, from: try corpusFile("insight/seeds/import-task-200.json"))
    #expect(task.id == "2406a337-xxxx-a5b2-b01a61d2043b")
    #expect(task.name == "string")
    #expect(task.domainID == "ad9e2f08-xxxx-87eb-1f9619b6c313")
    #expect(task.projectID == "string")
    #expect(task.workspaceID == "12913c92-xxxx-b8fd-a72af3945b61")
    #expect(task.importParameters == "")
    #expect(task.obsBucket == "test")
    #expect(task.obsObjectKey == "test.zip")
    #expect(task.importDetail?.hasPrefix("Import successful. [Export resource list]") == true)
    #expect(task.status == .succeeded)
    #expect(task.errorMessage == "string")
    #expect(task.importType == .unknown("import|crossSpaceImport"))
    #expect(task.createUser == "string")
    #expect(task.createUserName == "string")
    #expect(task.createDate?.wireValue.description == "9223372036854776000")
    #expect(task.updateDate?.wireValue.description == "9223372036854776000")
    #expect(task.createDate?.date == nil)
    #expect(task.taskProgress.phase == .succeeded)
  }

  @Test("Insight 200: create_date keeps its exact digits through decode and encode")
  func insightHugeTimestampSurvivesEncoding() throws {
    let task = try decoder.decode(
      InsightImportTask.self, from: try corpusFile("insight/seeds/import-task-200.json"))
    let encoded = String(decoding: try JSONEncoder().encode(task), as: UTF8.self)
    #expect(encoded.contains(#""create_date":9223372036854776000"#))
    #expect(encoded.contains(#""update_date":9223372036854776000"#))
    #expect(encoded.contains(#""import_type":"import|crossSpaceImport""#))
  }

  @Test("Quality 200 (synthesized): an export of rule templates, file generated")
  func quality() throws {
    let status = try decoder.decode(
      QualityResourceStatus.self, from: try corpusFile("quality/seeds/synthesized-status-200.json"))
    #expect(status.id == "a1b2c3d4-0000-4000-8000-000000000001")
    #expect(status.resourceID == "9f8e7d6c-0000-4000-8000-000000000002")
    #expect(status.resourceType == .ruleTemplate)
    #expect(status.action == .export)
    #expect(status.fileName == "rule_templates.zip")
    #expect(status.startTime == "2024-11-06 10:00:00")
    #expect(status.endTime == "2024-11-06 10:00:05")
    #expect(status.status == .succeeded)
    #expect(status.errorMessage == "")
    #expect(status.projectID == "0123456789abcdef0123456789abcdef")
    #expect(status.domainID == "fedcba9876543210fedcba9876543210")
    #expect(status.userName == "dqc_user")
    #expect(status.exportResources == "")
    #expect(status.importBody == "")
    #expect(status.fileStatus == .generated)
    #expect(status.taskProgress.phase == .succeeded)
  }

  @Test("DRS 200: parsed, one row, as a string")
  func drs() throws {
    let progress = try decoder.decode(
      DRSTemplateImportProgress.self, from: try corpusFile("drs/seeds/template-progress-200.json"))
    #expect(progress.sendSuccess == nil)
    #expect(progress.processStatus == .succeeded)
    #expect(progress.parsedSuccessNumber?.wireValue == "1")
    #expect(progress.parsedSuccessNumber?.integer == 1)
    #expect(
      progress.taskProgress
        == TaskProgress(phase: .succeeded, percent: 100, detail: "1 rows parsed"))
  }

  @Test("Check 200: checking, half way, running")
  func check() throws {
    let progress = try decoder.decode(
      CheckTaskProgress.self, from: try corpusFile("check/seeds/task-progress-200.json"))
    #expect(progress.taskStatus == .checking)
    #expect(progress.progress?.ratio?.value == 50)
    #expect(progress.progress?.ratio?.wireValue == "50%")
    #expect(progress.progress?.info == .running)
    #expect(progress.taskProgress == TaskProgress(phase: .running, percent: 50, detail: "running"))
  }

  @Test(
    "documented error bodies decode with their code and message",
    arguments: [
      ("check/seeds/task-progress-400.json", 400, "CC.00000000", "Network busy. Try again later."),
      (
        "check/seeds/task-progress-401.json", 401, "CC.00000003",
        "Authentication information expired."
      ),
      (
        "drs/seeds/template-progress-400.json", 400, "DRS.10000010",
        "Job does not exist, please check job ID."
      ),
      ("quality/seeds/synthesized-status-500.json", 500, "DQC.0000", "INTERNAL SERVER ERROR"),
    ])
  func errorBodies(path: String, status: Int, code: String, message: String) throws {
    let data = try corpusFile(path)
    let body = try decoder.decode(ErrorBody.self, from: data)
    #expect(body.errorCode == code)
    #expect(body.errorMessage == message)
    let error = CloudError(httpStatus: status, requestID: "r-1", body: data)
    #expect(error.code == code)
    #expect(error.message == message)
    #expect(error.httpStatus == status)
    #expect(error.requestID == "r-1")
  }

  @Test("decode, encode, decode is stable for every JSON seed", arguments: SeedFile.all)
  func roundTripIsStable(seed: SeedFile) throws {
    let data = try corpusFile(seed.path)
    if seed.isErrorBody {
      let first = try decoder.decode(ErrorBody.self, from: data)
      #expect(try decoder.decode(ErrorBody.self, from: JSONEncoder().encode(first)) == first)
    } else {
      func isStable<Model: TaskProgressReporting>(_ first: Model) throws -> Bool {
        try decoder.decode(Model.self, from: JSONEncoder().encode(first)) == first
      }
      #expect(try isStable(seed.api.decodeResponse(from: data)))
    }
  }

  @Test("every seed file is listed in corpus/README.md with its origin", arguments: SeedFile.all)
  func provenanceIsDocumented(seed: SeedFile) throws {
    let readme = try String(
      contentsOf: packageRoot.appending(path: "corpus/README.md"), encoding: .utf8)
    #expect(readme.contains("`\(seed.path)`"))
  }

  @Test("the corpus has seeds for every API")
  func everyAPIHasSeeds() {
    #expect(Set(SeedFile.all.map(\.api)) == Set(CloudAPI.allCases))
  }
}

/// A JSON seed found under `corpus/<api>/seeds/`; its status (the number before `.json`)
/// says whether it is an answer or an error body.
struct SeedFile: Sendable, CustomStringConvertible {
  var api: CloudAPI
  var path: String
  var isErrorBody: Bool
  var description: String { path }

  static let all: [SeedFile] = CloudAPI.allCases.flatMap { api in
    let folder = packageRoot.appending(path: "corpus/\(api.rawValue)/seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().compactMap { name -> SeedFile? in
      guard name.hasSuffix(".json") else { return nil }
      let status = Int(name.dropLast(".json".count).split(separator: "-").last ?? "") ?? 200
      return SeedFile(api: api, path: "\(api.rawValue)/seeds/\(name)", isErrorBody: status >= 400)
    }
  }
}
