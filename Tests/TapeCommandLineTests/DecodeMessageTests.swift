import Foundation
import JSONTree
import Testing

@testable import TapeCommandLine

/// The messages of a payload that does not decode: one sentence, with the JSON path, in
/// words rather than Swift type names.
@Suite("tape decode: decode error messages")
struct DecodeMessageTests {
  /// `tape decode --api <api> <file>` run by the built executable: its status and errors.
  func runBuiltTape(api: String, payload: String) async throws -> (Int32, String) {
    let file = FileManager.default.temporaryDirectory.appending(
      path: "tape-decode-message-\(UUID().uuidString).json")
    try Data(payload.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try await offThePool {
      let process = try ChildProcess(
        RunningTape.binary, ["decode", "--api", api, file.path], output: .null)
      let message = String(
        decoding: process.errors?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      return (
        process.waitUntilExit(), message.replacingOccurrences(of: file.path, with: "FILE")
      )
    }
  }

  @Test(
    "the built executable names the path and says what it expected and found",
    arguments: [
      (
        "check", #"{"task_status": 0, "progress": [1]}"#,
        "FILE does not decode as CheckTaskProgress: at /progress: expected an object, found array"
      ),
      (
        "cpts", #"{"json": {"details": {}}}"#,
        "FILE does not decode as PerfTestUploadProcessResponse: at /json/details: "
          + "expected an array, found object"
      ),
      (
        "cpts", #"{"json": {"details": [{"id": 1}, 7]}}"#,
        "FILE does not decode as PerfTestUploadProcessResponse: at /json/details/1: "
          + "expected an object, found number"
      ),
      (
        "drs", #"{"process_status": {}}"#,
        "FILE does not decode as DRSTemplateImportProgress: at /process_status: "
          + "expected a string, number or boolean, found object"
      ),
      (
        "check", "[1]",
        "FILE does not decode as CheckTaskProgress: at (root): expected an object, found array"
      ),
    ])
  func builtExecutable(api: String, payload: String, message: String) async throws {
    let (status, errors) = try await runBuiltTape(api: api, payload: payload)
    #expect(status == 1)
    #expect(errors == "error: \(message)\n")
  }

  /// A model with a `Double` field, as a decode error reaches `tape decode`.
  struct Reading: Decodable {
    var ratio: Double
  }

  func failure(_ text: String) throws -> String {
    let error = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode(Reading.self, from: Array(text.utf8))
    }
    return DecodingFailure(error).description
  }

  @Test("a Double too small says it underflows; one too large says it is beyond ±1.8e308")
  func doubleOutOfRange() throws {
    #expect(
      try failure(#"{"ratio": 1e-999999}"#)
        == "at /ratio: 1e-999999 is too small for a Double: nearer zero than the smallest "
        + "Double (4.9e-324), it underflows to zero")
    #expect(
      try failure(#"{"ratio": -1e999}"#)
        == "at /ratio: -1e999 is too large for a Double (beyond ±1.8e308)")
    #expect(try failure(#"{"ratio": null}"#) == "at /ratio: expected a number, found null")
    #expect(try failure(#"{}"#) == "at (root): missing key 'ratio'")
  }
}
