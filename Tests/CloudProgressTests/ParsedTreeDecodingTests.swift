import CloudProgress
import Foundation
import JSONTree
import Testing

/// `CloudAPI.decodeResponse(from: JSONValue)` and `init(json:)`: the same model, anomalies and
/// errors as decoding the bytes.
@Suite("Decoding a parsed tree")
struct ParsedTreeDecodingTests {
  @Test(
    "a tree decodes as its bytes do",
    arguments: [
      (
        CloudAPI.cpts,
        #"{"json":{"details":[null,{"id":"x","status":7},{"id":1,"status":1}],"process_status":1}}"#
      ),
      (.check, #"{"task_status":0,"progress":{"ratio":"5%","info":{}}}"#),
      (.insight, #"{"id":5,"status":1,"create_date":"1700000000000","x":[1,2]}"#),
      (.quality, #"{"status":"RUNNING","file_status":"UNKNOWN_NEW"}"#),
      (.drs, #"{"process_status":1,"parsed_success_number":"12"}"#),
    ])
  func sameModel(api: CloudAPI, body: String) throws {
    let fromBytes = try api.decodeResponse(from: Data(body.utf8))
    let fromTree = try api.decodeResponse(from: try JSONParser().parse(body))
    #expect(fromTree.taskProgress == fromBytes.taskProgress)
    #expect(fromTree.wireAnomalies == fromBytes.wireAnomalies)
    #expect(try fromTree.jsonData() == fromBytes.jsonData())
  }

  @Test("the null details keep their wire indices in the anomalies' paths")
  func nullDetailPaths() throws {
    let body = #"{"json":{"details":[null,{"id":"x","status":7},null,{"name":5,"status":1}]}}"#
    let model = try PerfTestUploadProcessResponse(json: try JSONParser().parse(body))
    #expect(
      model.wireAnomalies.map(\.path.description) == [
        "/json/details/1/id", "/json/details/1/status", "/json/details/3/name",
      ])
    #expect(
      String(decoding: try model.jsonData(), as: UTF8.self).hasPrefix(#"{"json":{"details":[null,"#)
    )
  }

  @Test("an error names the same path and reason")
  func sameError() throws {
    let body = #"{"json":{"details":[{"status":[1]}]}}"#
    let fromBytes = try #require(throws: DecodingError.self) {
      try CloudAPI.cpts.decodeResponse(from: Data(body.utf8))
    }
    let fromTree = try #require(throws: DecodingError.self) {
      try CloudAPI.cpts.decodeResponse(from: try JSONParser().parse(body))
    }
    #expect(String(describing: fromTree) == String(describing: fromBytes))
    #expect(
      String(describing: fromTree).contains("expected a string, number or boolean, found array"))
  }
}
