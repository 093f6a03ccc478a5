import CloudProgress
import Foundation
import Testing

@Suite("Operation descriptors")
struct OperationDescriptorTests {
  @Test(
    "each API's method, path parameters and host",
    arguments: [
      (CloudAPI.cpts, ["project_id"], "cpts.cn-north-4.myhuaweicloud.com"),
      (.insight, ["project_id", "task_id"], "dataartsinsight.cn-north-4.myhuaweicloud.com"),
      (.quality, ["project_id", "resource_id"], "dayu.cn-north-4.myhuaweicloud.com"),
      (.drs, ["project_id", "job_id"], "drs.cn-north-4.myhuaweicloud.com"),
      (.check, ["task_id"], "codearts-check.cn-north-4.myhuaweicloud.com"),
    ])
  func shape(api: CloudAPI, parameters: [String], host: String) {
    #expect(api.operation.method == "GET")
    #expect(api.operation.path.parameterNames == parameters)
    #expect(api.operation.host(region: "cn-north-4") == host)
  }

  @Test("required headers: X-Workspace-Id for Insight, lower-case workspace for Quality")
  func requiredHeaders() {
    func required(_ api: CloudAPI) -> [String] {
      api.operation.headers.filter(\.isRequired).map(\.name)
    }
    #expect(required(.insight) == ["X-Workspace-Id"])
    #expect(required(.quality) == ["workspace"])
    #expect(required(.drs) == ["Content-Type"])
    #expect(
      CloudAPI.drs.operation.headers.first { $0.name == "X-Language" }?.defaultValue == "en-us")
    #expect(CloudAPI.drs.operation.queryParameters.map(\.name) == ["offset", "limit", "type"])
    #expect(required(.cpts).isEmpty && required(.check).isEmpty)
  }

  @Test("EU regions use myhuaweicloud.eu")
  func europeanHost() {
    #expect(
      CloudAPI.drs.operation.host(region: "eu-west-101") == "drs.eu-west-101.myhuaweicloud.eu")
    #expect(
      CloudAPI.drs.operation.baseURL(region: "ap-southeast-1")?.absoluteString
        == "https://drs.ap-southeast-1.myhuaweicloud.com")
  }

  @Test("URLs percent-encode path values and query items, on any base URL")
  func buildsURLs() throws {
    let url = try CloudAPI.drs.operation.url(
      baseURL: try #require(URL(string: "http://127.0.0.1:8080/")),
      pathParameters: ["project_id": "p 1", "job_id": "a/b?c"],
      query: [("offset", "0"), ("type", "column&x")])
    #expect(
      url.absoluteString
        == "http://127.0.0.1:8080/v5/p%201/jobs/a%2Fb%3Fc/db-object/template/progress?offset=0&type=column%26x"
    )
  }

  @Test("a missing, empty or dot-segment path value is refused")
  func refusesBadPathValues() {
    let path = CloudAPI.check.operation.path
    #expect(throws: PathTemplateError.missingParameter("task_id", template: path.template)) {
      try path.expand([:])
    }
    for value in ["", ".", ".."] {
      #expect(
        throws: PathTemplateError.invalidValue(value, parameter: "task_id", template: path.template)
      ) {
        try path.expand(["task_id": value])
      }
    }
    #expect(
      PathTemplateError.missingParameter("task_id", template: path.template).description
        == "no value for path parameter 'task_id' of /v2/tasks/{task_id}/progress")
  }

  @Test("match reads the placeholders back, decoded, and refuses other paths")
  func matchesPaths() throws {
    let path = CloudAPI.insight.operation.path
    let expanded = try path.expand(["project_id": "p1", "task_id": "t/ü"])
    #expect(path.match(expanded) == ["project_id": "p1", "task_id": "t/ü"])
    #expect(path.match("/v1/p1/resource-package/import-tasks") == nil)
    #expect(path.match("/v1/p1/resource-package/export-tasks/t1") == nil)
    #expect(path.match("/v1//resource-package/import-tasks/t1") == nil)
    #expect(path.match("/v1/p1/resource-package/import-tasks/%ZZ") == nil)
  }

  @Test("percent-encoding keeps only the unreserved characters")
  func percentEncoding() {
    #expect(PercentEncoding.encodeSegment("aZ0-_.~ /é") == "aZ0-_.~%20%2F%C3%A9")
    #expect(PercentEncoding.decode("%C3%A9%2f") == "é/")
    #expect(PercentEncoding.decode("%C3") == nil)
  }
}

@Suite("CloudAPI registry")
struct CloudAPIRegistryTests {
  @Test(
    "each key decodes into its model",
    arguments: [
      (CloudAPI.cpts, "PerfTestUploadProcessResponse"), (.insight, "InsightImportTask"),
      (.quality, "QualityResourceStatus"), (.drs, "DRSTemplateImportProgress"),
      (.check, "CheckTaskProgress"),
    ])
  func decodesIntoItsModel(api: CloudAPI, typeName: String) throws {
    #expect("\(api.responseType)" == typeName)
    let model = try api.decodeResponse(from: Data("{}".utf8))
    #expect("\(type(of: model))" == typeName)
    #expect(
      model.taskProgress.phase == (api == .drs ? .running : api == .check ? .queued : .unknown))
  }
}
