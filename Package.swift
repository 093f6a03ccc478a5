// swift-tools-version: 6.2
import PackageDescription

/// Tape: record, replay and fuzz the Huawei Cloud task-progress APIs.
///
/// Zero package dependencies by design: Foundation, Dispatch, Glibc and Swift Testing only.
let package = Package(
  name: "Tape",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "JSONTree", targets: ["JSONTree"]),
    .library(name: "CloudProgress", targets: ["CloudProgress"]),
    .library(name: "CloudSigning", targets: ["CloudSigning"]),
    .executable(name: "tape", targets: ["tape"]),
  ],
  targets: [
    .target(name: "JSONTree"),
    .target(name: "CloudProgress", dependencies: ["JSONTree"]),
    .target(name: "CloudSigning"),
    .target(name: "TapeCommandLine", dependencies: ["CloudProgress", "JSONTree"]),
    .executableTarget(name: "tape", dependencies: ["TapeCommandLine"]),
    .executableTarget(
      name: "signing-bench", dependencies: ["CloudSigning"], path: "Benchmarks/SigningBench"),
    .testTarget(name: "JSONTreeTests", dependencies: ["JSONTree"]),
    .testTarget(name: "CloudProgressTests", dependencies: ["CloudProgress", "JSONTree"]),
    .testTarget(name: "TapeCommandLineTests", dependencies: ["TapeCommandLine", "CloudProgress"]),
    .testTarget(name: "CloudSigningTests", dependencies: ["CloudSigning"]),
  ],
  swiftLanguageModes: [.v6]
)
