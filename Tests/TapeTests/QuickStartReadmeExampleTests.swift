import CloudProgress
import Foundation
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Test(.cassette("check-task-polling"))
func checkTaskReachesItsEnd() async throws {
  let tape = try #require(CassettePlayer.current)
  let session = tape.makeURLSession()
  let url = URL(
    string: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/"
      + "2b31ed520xxxxxxebedb6e57xxxxxxxx/progress")!
  var seen: [TaskProgress] = []
  repeat {
    let (data, _) = try await session.data(for: URLRequest(url: url))
    seen.append(try CheckTaskProgress(jsonData: data).taskProgress)
  } while seen.last?.isTerminal == false
  #expect(seen.map(\.percent) == [0, 0, 50, 100])
}
