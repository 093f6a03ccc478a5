import DecoderFuzz
import Foundation
import JSONTree

/// The package's top directory, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The repository's corpus directory.
let corpusDirectory = packageRoot.appending(path: "corpus")

/// The test worker (`planted-trap-worker`), built next to the test binary because the test
/// target depends on it. The test process itself cannot serve as a worker (its `main` is
/// the test runner's), so the tests spawn this small executable instead.
let plantedTrapWorker: String = {
  let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  return testBinary.deletingLastPathComponent().appending(path: "planted-trap-worker").path
}()

/// Parses JSON text that the test knows is valid.
func json(_ text: String) throws -> JSONValue {
  try JSONParser().parse(text)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appending(path: "decoder-fuzz-\(UUID())")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Runs blocking `work` (a campaign, a worker) on a new thread and returns its result: the
/// Swift concurrency pool has 2 threads on 2 cores, and a test holding them stalls the rest
/// of the run (the HTTP tests' handlers then time out).
func offThePool<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
  await withCheckedContinuation { continuation in
    Thread { continuation.resume(returning: work()) }.start()
  }
}
