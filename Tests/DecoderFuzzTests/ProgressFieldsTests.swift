import DecoderFuzz
import JSONTree
import Testing

@Suite("Progress fields")
struct ProgressFieldsTests {
  let cpts = ProgressFields(["/json/process_status", "/json/details/*/status"])

  @Test("the progress part keeps progress fields and the containers that hold them")
  func progressPart() throws {
    let answer = try json(
      #"{"code":"x","json":{"details":[{"id":1,"status":0,"name":"a"},null,7],"process_status":1,"extra":[]}}"#
    )
    #expect(
      cpts.progressPart(of: answer)
        == (try json(#"{"json":{"details":[{"status":0},null,7],"process_status":1}}"#)))
    let scalarContainer = try json(#"{"json":"flat","message":"m"}"#)
    #expect(cpts.progressPart(of: scalarContainer) == (try json(#"{"json":"flat"}"#)))
  }

  @Test("an overlay takes the drift's cosmetic fields and keeps the answer's progress fields")
  func overlay() throws {
    let answer = try json(
      #"{"code":"ok","json":{"details":[{"id":0,"status":1},{"id":1,"status":0}],"process_status":0}}"#
    )
    let drift = try json(
      #"{"message":5,"json":{"details":[{"id":"zero","status":9}],"process_status":7,"more":{}}}"#)
    #expect(
      cpts.overlay(cosmeticPartOf: drift, onto: answer)
        == (try json(
          #"{"json":{"details":[{"status":1,"id":"zero"},{"id":1,"status":0}],"process_status":0,"more":{}},"message":5}"#
        )))
    #expect(cpts.overlay(cosmeticPartOf: try json("[1]"), onto: answer) == answer)
  }
}
