import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends GETs through a running proxy: `count` polls spread over `tasks` check tasks,
/// `parallel` at a time; returns the statuses.
func sendPolls(
  to base: String, count: Int, tasks: Int = 8, parallel: Int = 1
) async throws -> [Int] {
  let session = URLSession(configuration: .ephemeral)
  defer { session.finishTasksAndInvalidate() }
  return try await withThrowingTaskGroup(of: [Int].self) { group in
    for lane in 0..<parallel {
      group.addTask {
        var statuses: [Int] = []
        for index in stride(from: lane, to: count, by: parallel) {
          let url = URL(string: base + "/v2/tasks/task-\(index % tasks)/progress")!
          let (_, response) = try await session.data(from: url)
          statuses.append((response as? HTTPURLResponse)?.statusCode ?? 0)
        }
        return statuses
      }
    }
    return try await group.reduce([], +)
  }
}
