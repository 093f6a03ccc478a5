import CloudProgress
import Foundation
import JSONTree
import Testing

/// `CloudError(httpStatus:requestID:body:document:)` takes the body already parsed (the
/// fuzzer's oracle parses it once for both) and reads exactly as the body initializer.
@Suite("CloudError from a parsed body")
struct CloudErrorParsedDocumentTests {
  @Test(
    "reads as the body initializer does",
    arguments: [
      #"{"error_code": "DRS.10000010", "error_msg": "Job does not exist", "request_id": "r"}"#,
      #"{"error": {"code": 401, "message": "requires authentication"}}"#,
      #"[[{"note": 1}], {"x": {"code": "C", "message": "m"}}]"#,
      #"  "unknown error"  "#, #""""#, "unknown error\n", "", #"{"request_id": "r"}"#,
      #"{"error_code": "E", "error_msg": "#,
    ])
  func sameAsBody(body: String) {
    let data = Data(body.utf8)
    let document = try? JSONParser().parse(data)
    for requestID in [nil, "", "header"] {
      #expect(
        CloudError(httpStatus: 400, requestID: requestID, body: data, document: document)
          == CloudError(httpStatus: 400, requestID: requestID, body: data))
    }
  }
}
