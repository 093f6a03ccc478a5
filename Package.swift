// swift-tools-version: 6.2
import PackageDescription

/// Tape: record, replay and fuzz the Huawei Cloud task-progress APIs.
///
/// Zero package dependencies by design: Foundation, Dispatch, Glibc, Synchronization and Swift
/// Testing only.
let package = Package(
  name: "Tape",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "JSONTree", targets: ["JSONTree"]),
    .library(name: "CloudProgress", targets: ["CloudProgress"]),
    .library(name: "LoopbackHTTP", targets: ["LoopbackHTTP"]),
    .executable(name: "tape", targets: ["tape"]),
  ],
  targets: [
    .target(name: "JSONTree"),
    .target(name: "CloudProgress", dependencies: ["JSONTree"]),
    .target(name: "TapeCommandLine", dependencies: ["CloudProgress", "JSONTree"]),
    .executableTarget(name: "tape", dependencies: ["TapeCommandLine"]),
    .target(name: "LoopbackHTTP"),
    .executableTarget(
      name: "loopback-bench", dependencies: ["LoopbackHTTP"], path: "Benchmarks/LoopbackBench"),
    .testTarget(name: "JSONTreeTests", dependencies: ["JSONTree"]),
    .testTarget(name: "CloudProgressTests", dependencies: ["CloudProgress", "JSONTree"]),
    .testTarget(name: "TapeCommandLineTests", dependencies: ["TapeCommandLine", "CloudProgress"]),
    .testTarget(name: "LoopbackHTTPTests", dependencies: ["LoopbackHTTP"]),
  ],
  swiftLanguageModes: [.v6]
)
