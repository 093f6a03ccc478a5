import CloudProgress
import Foundation
import JSONTree
import SystemInterface

// decode-bench: `Model(jsonData:)` against `JSONParser.parse` alone on the same bytes, for
// large answers generated in process, and `tape decode` end to end when the release `tape`
// binary sits next to this one.
//
//   swift run -c release decode-bench [--rounds N] [--only NAME]
//   swift build -c release --product tape   (first, for the `tape decode` column)
//   decode-bench --once NAME    (parse once and decode once, no timing: for callgrind)

let arguments = Array(CommandLine.arguments.dropFirst())
let rounds =
  arguments.firstIndex(of: "--rounds").flatMap {
    arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil
  } ?? 5
let only = arguments.firstIndex(of: "--only").flatMap {
  arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
}
let once = arguments.firstIndex(of: "--once").flatMap {
  arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
}
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The fastest of `rounds` runs of `body`, in seconds.
func fastest(_ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<rounds {
    let start = clock.now
    try body()
    best = min(best, seconds(clock.now - start))
  }
  return best
}

/// A CPTS upload-process answer with `count` details, every eighth one failed with a cause.
func cptsAnswer(details count: Int) -> Data {
  var text = #"{"code":"SVCSTG.CPTS.0000000","message":"success","json":{"details":["#
  text.reserveCapacity(count * 64 + 128)
  for index in 0..<count {
    if index > 0 { text += "," }
    let failed = index % 8 == 7
    text += #"{"id":\#(100_000 + index),"name":"project \#(index)","status":\#(failed ? 2 : 1),"#
    text += #""cause":"\#(failed ? "quota exceeded" : "")"}"#
  }
  text += #"],"process_status":1},"extend":null}"#
  return Data(text.utf8)
}

/// A Check answer that carries an undocumented `issues` array of `count` objects next to
/// the documented members (the kind of drift a newer API version brings).
func checkAnswer(issues count: Int) -> Data {
  var text = #"{"task_status":0,"progress":{"ratio":"50%","info":"running"},"issues":["#
  text.reserveCapacity(count * 80 + 128)
  for index in 0..<count {
    if index > 0 { text += "," }
    text += #"{"file":"src/module\#(index % 97)/File\#(index).java","line":\#(index % 400),"#
    text += #""severity":"minor"}"#
  }
  text += "]}"
  return Data(text.utf8)
}

/// An Insight import task whose `import_detail` and `import_param` are `bytes` long each.
func insightAnswer(textBytes bytes: Int) -> Data {
  let detail = String(repeating: "Data source: 1; Replace: false; ", count: bytes / 32)
  let text = """
    {"id":"2406a337-xxxx-a5b2-b01a61d2043b","name":"import","domain_id":"ad9e2f08",\
    "project_id":"p","workspace_id":"12913c92","import_param":"\(detail)","obs_bucket":"test",\
    "obs_object_key":"test.zip","import_detail":"\(detail)","status":1,"error_msg":"",\
    "import_type":"import","create_user":"u","create_user_name":"n",\
    "create_date":1700000000000,"update_date":1700000000000}
    """
  return Data(text.utf8)
}

/// The release `tape` next to this executable, if it was built.
let tapeExecutable: String? = {
  let directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent()
  let path = directory.appendingPathComponent("tape").path
  return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// The wall time of `tape decode --api <api> <file>` as a whole process; nil without `tape`.
func tapeDecodeSeconds(_ body: Data, api: CloudAPI) throws -> Double? {
  guard let tapeExecutable else { return nil }
  let file = FileManager.default.temporaryDirectory
    .appendingPathComponent("decode-bench-\(getpid())-\(api).json")
  try body.write(to: file)
  defer { try? FileManager.default.removeItem(at: file) }
  // posix_spawn and waitpid: `Process.waitUntilExit` notices the exit only at its next
  // 50 ms poll, which rounded every time up to a multiple of 50 ms.
  let arguments = [tapeExecutable, "decode", "--api", api.rawValue, file.path]
  var actions = SystemSpawn.fileActions()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  return try fastest {
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var child: pid_t = 0
    guard posix_spawn(&child, tapeExecutable, &actions, nil, &argv, environ) == 0 else {
      throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: tapeExecutable])
    }
    var status: Int32 = 0
    waitpid(child, &status, 0)
    guard status == 0 else {
      throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: file.path])
    }
  }
}

func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

/// The payloads, each made only when its case runs.
let cases: [(name: String, api: CloudAPI, body: () -> Data)] = [
  ("cpts 1k details", .cpts, { cptsAnswer(details: 1_000) }),
  ("cpts 10k details", .cpts, { cptsAnswer(details: 10_000) }),
  ("cpts 250k details", .cpts, { cptsAnswer(details: 250_000) }),
  ("check 100k issues", .check, { checkAnswer(issues: 100_000) }),
  ("insight 2x4 MB text", .insight, { insightAnswer(textBytes: 4_000_000) }),
].filter { only == nil || $0.name.contains(only!) }

if let once {
  for (name, api, makeBody) in cases where name.contains(once) {
    let body = makeBody()
    let tree = try JSONParser().parse(body)
    let model = try api.decodeResponse(from: body)
    print("\(name): \(tree.typeName), \(model.wireAnomalies.count) anomalies")
  }
  exit(0)
}

print("decode-bench: fastest of \(rounds) rounds; decode is Model(jsonData:), parse and decode")
if tapeExecutable == nil {
  print("(no release `tape` next to this binary: `swift build -c release --product tape` first)")
}
print(
  "case                 |    MB | parse ms | decode ms | ratio | decode MB/s | tape decode ms "
    + "| ratio")
for (name, api, makeBody) in cases {
  let body = makeBody()
  let megabytes = Double(body.count) / 1e6
  let parse = try fastest { _ = try JSONParser().parse(body) }
  let decode = try fastest { _ = try api.decodeResponse(from: body) }
  let tape = try tapeDecodeSeconds(body, api: api)
  let columns = [
    name.padding(toLength: 20, withPad: " ", startingAt: 0),
    format(megabytes, 1).leftPadded(5), format(parse * 1000, 1).leftPadded(8),
    format(decode * 1000, 1).leftPadded(9), (format(decode / parse, 2) + "x").leftPadded(5),
    format(megabytes / decode, 1).leftPadded(11),
    (tape.map { format($0 * 1000, 0) } ?? "-").leftPadded(14),
    (tape.map { format($0 / parse, 2) + "x" } ?? "-").leftPadded(5),
  ]
  print(columns.joined(separator: " | "))
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
