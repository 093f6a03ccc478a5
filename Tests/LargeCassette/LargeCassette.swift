import Foundation
import JSONTree
import Tape

/// A large cassette written block by block, for `inspect-bench` and the tests of the
/// commands that only look (`tape inspect`, `tape audit`): a valid canonical cassette of
/// about ``targetBytes`` bytes, never held whole in memory.
///
/// Each block holds many small polls of the Check API (task progress from 0% to done, some
/// answered twice, one 401), a large JSON answer (an array of objects with escapes and
/// non-ASCII text), a large text answer, a binary answer stored as base64 and a JSON answer
/// kept with its wire spelling. The content is the same on every run (no randomness).
public struct LargeCassette: Sendable {
  /// About how large the file is (it stops at the first whole block past this).
  public var targetBytes: Int
  /// The small polls in each block.
  public var pollsPerBlock: Int
  /// About how large each block's large bodies are, in bytes (JSON, text, binary).
  public var largeBodyBytes: Int
  /// When set, the block of this index holds an unredacted `X-Auth-Token` (an IAM token) in
  /// the request headers of its first poll: the one secret `tape audit` must find.
  public var secretInBlock: Int?

  /// What was written.
  public struct Summary: Sendable {
    /// The file's size in bytes.
    public var bytes: Int
    /// Its interactions.
    public var interactions: Int
    /// The JSON pointer of the planted secret, if one was planted.
    public var secretPointer: String?
  }

  /// The token planted by ``secretInBlock``: the shape of an IAM token.
  public static let plantedToken =
    "MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEwggLXBgkq"

  /// A generator of about `targetBytes` bytes.
  public init(
    targetBytes: Int, pollsPerBlock: Int = 400, largeBodyBytes: Int = 512 << 10,
    secretInBlock: Int? = nil
  ) {
    self.targetBytes = targetBytes
    self.pollsPerBlock = pollsPerBlock
    self.largeBodyBytes = largeBodyBytes
    self.secretInBlock = secretInBlock
  }

  /// Writes the cassette to `url` (replacing any file there).
  public func write(to url: URL) throws -> Summary {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    var written = 0
    func put(_ text: String) throws {
      let data = Data(text.utf8)
      try handle.write(contentsOf: data)
      written += data.count
    }
    try put("{\n  \"formatVersion\": 1,\n  \"interactions\": [\n")
    var interactions = 0
    var secretPointer: String?
    var block = 0
    while written < targetBytes || block == 0 {
      let list = self.block(block, firstIndex: interactions)
      if secretInBlock == block {
        secretPointer = "/interactions/\(interactions)/request/headers/0/1"
      }
      try put((block == 0 ? "" : ",\n") + Self.interactionsText(of: list))
      interactions += list.count
      block += 1
    }
    try put(
      "\n  ],\n  \"metadata\": {\n    \"origin\": \"large-cassette\"\n  },\n"
        + "  \"recordedAt\": \"2026-12-05T08:00:00Z\"\n}\n")
    return Summary(bytes: written, interactions: interactions, secretPointer: secretPointer)
  }

  /// The text of a block's interactions as the canonical encoder writes them inside the
  /// `interactions` array, with no line break before the first or after the last.
  static func interactionsText(of interactions: [Interaction]) -> String {
    let whole = String(
      decoding: CassetteFile.encode(Cassette(interactions: interactions)), as: UTF8.self)
    let opening = "  \"interactions\": [\n"
    let closing = "\n  ]\n}\n"
    guard let start = whole.range(of: opening)?.upperBound, whole.hasSuffix(closing) else {
      fatalError("the canonical encoder's layout changed: \(whole.prefix(200))")
    }
    return String(whole[start..<whole.index(whole.endIndex, offsetBy: -closing.count)])
  }

  /// The interactions of block `block`.
  func block(_ block: Int, firstIndex: Int) -> [Interaction] {
    var list: [Interaction] = []
    let host = "https://codearts-check.cn-north-4.myhuaweicloud.com"
    var milliseconds = firstIndex * 1000
    func next() -> Duration {
      milliseconds += 1000
      return .milliseconds(milliseconds)
    }
    let tasks = max(1, pollsPerBlock / 8)
    for poll in 0..<pollsPerBlock {
      let task = "task-\(block)-\(poll % tasks)"
      let step = poll / tasks
      let ratio = min(100, step * 15)
      var headers: HeaderFields = ["X-Auth-Token": "<X_AUTH_TOKEN>"]
      if poll == 0, secretInBlock == block {
        headers = ["X-Auth-Token": Self.plantedToken]
      }
      let status = poll % 97 == 96 ? 401 : 200
      let body =
        status == 401
        ? #"{"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information"}"#
        : #"{"task_status":\#(ratio == 100 ? 2 : 0),"progress":{"ratio":"\#(ratio)%","info":"\#(ratio == 100 ? "success" : "running")"}}"#
      let offset = next()
      let repeats = poll % 5 == 0 ? 2 : 1
      list.append(
        Interaction(
          request: RecordedRequest(
            method: "GET", url: "\(host)/v2/tasks/\(task)/progress", headers: headers),
          response: RecordedResponse(
            status: status,
            headers: [
              "Content-Type": "application/json", "X-Request-Id": "request-\(block)-\(poll)",
            ],
            body: RecordedBody(data: Data(body.utf8), contentType: "application/json")),
          offset: offset, duration: .milliseconds(40 + poll % 50), repeatCount: repeats,
          repeatOffsets: repeats == 2 ? [offset + .milliseconds(500)] : [],
          redactions: secretInBlock == block && poll == 0 ? [] : ["request.header.X-Auth-Token"]))
    }
    list.append(
      answer(
        largeJSON(block), contentType: "application/json", path: "/v2/items?page=\(block)",
        at: next()))
    list.append(
      answer(largeText(block), contentType: "text/plain", path: "/v2/logs/\(block)", at: next()))
    list.append(
      answer(
        largeBinary(block), contentType: "application/octet-stream", path: "/v2/archives/\(block)",
        at: next()))
    let spaced = Data(
      "{ \"block\" : \(block), \"items\" : [ 1, 2, 3 ], \"note\" : \"spaced as sent\" }".utf8)
    list.append(
      answer(spaced, contentType: "application/json", path: "/v2/spaced/\(block)", at: next()))
    return list
  }

  private func answer(_ body: Data, contentType: String, path: String, at offset: Duration)
    -> Interaction
  {
    Interaction(
      request: RecordedRequest(
        method: "GET", url: "https://codearts-check.cn-north-4.myhuaweicloud.com\(path)",
        headers: ["X-Auth-Token": "<X_AUTH_TOKEN>"]),
      response: RecordedResponse(
        status: 200, headers: ["Content-Type": contentType],
        body: RecordedBody(data: body, contentType: contentType)),
      offset: offset, duration: .milliseconds(250), redactions: ["request.header.X-Auth-Token"])
  }

  /// A JSON array of objects, about ``largeBodyBytes`` long, with escapes and non-ASCII.
  private func largeJSON(_ block: Int) -> Data {
    var text = "["
    var index = 0
    while text.utf8.count < largeBodyBytes {
      if index > 0 { text += "," }
      text +=
        #"{"id":\#(block * 100_000 + index),"name":"item \#(index) of block \#(block)","#
        + #""price":\#(index % 1000).\#(index % 100),"active":\#(index % 3 == 0),"#
        + #""tags":["café","naïve \"quoted\"","line\nbreak"],"parent":null}"#
      index += 1
    }
    return Data((text + "]").utf8)
  }

  /// Log lines, about ``largeBodyBytes`` long.
  private func largeText(_ block: Int) -> Data {
    var text = ""
    var line = 0
    while text.utf8.count < largeBodyBytes {
      text +=
        "2026-12-05T08:00:\(line % 60)Z block \(block) step \(line): copied \(line * 7) files\t(ok)\n"
      line += 1
    }
    return Data(text.utf8)
  }

  /// Bytes that are not UTF-8, about ``largeBodyBytes`` long once in base64.
  private func largeBinary(_ block: Int) -> Data {
    var state = UInt64(block) &* 0x9E37_79B9_7F4A_7C15 | 1
    var bytes = [UInt8](repeating: 0, count: largeBodyBytes * 3 / 4)
    for index in bytes.indices {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      bytes[index] = UInt8(truncatingIfNeeded: state) | (index == 0 ? 0x80 : 0)
    }
    bytes[0] = 0xFF
    return Data(bytes)
  }
}
