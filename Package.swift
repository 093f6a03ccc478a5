// swift-tools-version: 6.2
import PackageDescription

/// Tape: record, replay and fuzz the Huawei Cloud task-progress APIs.
///
/// Zero package dependencies by design: Foundation, Dispatch, Glibc, Synchronization and
/// Swift Testing only.
let package = Package(
  name: "Tape",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "JSONTree", targets: ["JSONTree"]),
    .library(name: "CloudProgress", targets: ["CloudProgress"]),
    .library(name: "CloudSigning", targets: ["CloudSigning"]),
    .library(name: "Tape", targets: ["Tape"]),
    .library(name: "TapeTesting", targets: ["TapeTesting"]),
    .library(name: "LoopbackHTTP", targets: ["LoopbackHTTP"]),
    .library(name: "DecoderFuzz", targets: ["DecoderFuzz"]),
    .executable(name: "tape", targets: ["tape"]),
  ],
  targets: [
    .target(name: "JSONTree"),
    .target(name: "CloudProgress", dependencies: ["JSONTree"]),
    .target(name: "CloudSigning"),
    .target(name: "Tape", dependencies: ["JSONTree"]),
    .target(name: "TapeTesting", dependencies: ["Tape"]),
    .target(name: "LoopbackHTTP"),
    .target(name: "DecoderFuzz", dependencies: ["CloudProgress", "JSONTree"]),
    .target(name: "TapeCommandLine", dependencies: ["CloudProgress", "JSONTree", "DecoderFuzz"]),
    .executableTarget(name: "tape", dependencies: ["TapeCommandLine"]),
    .executableTarget(
      name: "tape-bench", dependencies: ["Tape", "JSONTree"], path: "Benchmarks/TapeBench"),
    .executableTarget(
      name: "signing-bench", dependencies: ["CloudSigning"], path: "Benchmarks/SigningBench"),
    .executableTarget(
      name: "loopback-bench", dependencies: ["LoopbackHTTP"], path: "Benchmarks/LoopbackBench"),
    .target(name: "FuzzPlantedTrap", dependencies: ["DecoderFuzz", "CloudProgress"], path: "Tests/FuzzPlantedTrap"),
    .executableTarget(
      name: "planted-trap-worker", dependencies: ["DecoderFuzz", "FuzzPlantedTrap"],
      path: "Tests/PlantedTrapWorker"),
    .testTarget(
      name: "DecoderFuzzTests",
      dependencies: [
        "DecoderFuzz", "FuzzPlantedTrap", "planted-trap-worker", "CloudProgress", "JSONTree",
      ]),
    .executableTarget(
      name: "fuzz-target", dependencies: ["DecoderFuzz", "JSONTree"], path: "Fuzzing/FuzzTarget"),
    .executableTarget(
      name: "fuzz-bench",
      dependencies: ["DecoderFuzz", "FuzzPlantedTrap", "CloudProgress"],
      path: "Benchmarks/FuzzBench"),
    .testTarget(name: "JSONTreeTests", dependencies: ["JSONTree"]),
    .testTarget(name: "CloudProgressTests", dependencies: ["CloudProgress", "JSONTree"]),
    .testTarget(name: "CloudSigningTests", dependencies: ["CloudSigning"]),
    .testTarget(name: "LoopbackHTTPTests", dependencies: ["LoopbackHTTP"]),
    .testTarget(
      name: "TapeTests", dependencies: ["Tape", "TapeTesting", "CloudProgress", "JSONTree"]),
    .testTarget(name: "TapeCommandLineTests", dependencies: ["TapeCommandLine", "CloudProgress"]),
  ],
  swiftLanguageModes: [.v6]
)
