/// Throughput and latency percentiles of one benchmark run.
struct LatencySummary {
  /// Completed requests per second.
  let requestsPerSecond: Double
  /// The median latency, in microseconds.
  let p50Microseconds: Double
  /// The 99th percentile latency, in microseconds.
  let p99Microseconds: Double
  /// The number of requests completed.
  let requests: Int
  /// The number of failed exchanges.
  let failures: Int
  /// The CPU time (user and system) the whole process spent per completed request, in
  /// microseconds: clients and servers alike, so what one server costs more than another
  /// shows as a difference, which other work on the machine changes less than latency.
  let cpuMicrosecondsPerRequest: Double

  /// Summarizes latencies (nanoseconds) measured over `seconds`.
  init(latencies: [UInt64], failures: Int, seconds: Double, cpuSeconds: Double) {
    let sorted = latencies.sorted()
    func percentile(_ fraction: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let index = min(sorted.count - 1, Int(Double(sorted.count) * fraction))
      return Double(sorted[index]) / 1_000
    }
    requests = sorted.count
    self.failures = failures
    requestsPerSecond = Double(sorted.count) / seconds
    p50Microseconds = percentile(0.50)
    p99Microseconds = percentile(0.99)
    cpuMicrosecondsPerRequest = sorted.isEmpty ? 0 : cpuSeconds * 1e6 / Double(sorted.count)
  }
}
