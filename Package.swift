// swift-tools-version: 6.2
import PackageDescription

/// Tape: record, replay and fuzz the Huawei Cloud task-progress APIs.
///
/// Zero package dependencies by design: Foundation, Dispatch, the C library, Synchronization
/// and Swift Testing only. The C library is imported by one target, SystemInterface, which
/// holds what differs between platforms; only Linux is built and tested (docs/platforms.md).
let package = Package(
  name: "Tape",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "JSONTree", targets: ["JSONTree"]),
    .library(name: "CloudProgress", targets: ["CloudProgress"]),
    .library(name: "CloudSigning", targets: ["CloudSigning"]),
    .library(name: "HTTPTransportCore", targets: ["HTTPTransportCore"]),
    .library(name: "CloudProgressClient", targets: ["CloudProgressClient"]),
    .library(name: "Tape", targets: ["Tape"]),
    .library(name: "TapeTesting", targets: ["TapeTesting"]),
    .library(name: "TapeServer", targets: ["TapeServer"]),
    .library(name: "LoopbackHTTP", targets: ["LoopbackHTTP"]),
    .library(name: "CloudSimulator", targets: ["CloudSimulator"]),
    .library(name: "DecoderFuzz", targets: ["DecoderFuzz"]),
    .library(name: "CloudDrift", targets: ["CloudDrift"]),
    .library(name: "PollingFuzz", targets: ["PollingFuzz"]),
    .executable(name: "tape", targets: ["tape"]),
  ],
  targets: [
    .target(name: "JSONTree"),
    .target(name: "CloudProgress", dependencies: ["JSONTree"]),
    .target(name: "CloudSigning"),
    // The seam between a client and the network; URLSession conforms.
    .target(name: "HTTPTransportCore"),
    .target(
      name: "CloudProgressClient",
      dependencies: ["CloudProgress", "CloudSigning", "HTTPTransportCore", "JSONTree"]),
    // The one place that imports the C library (Glibc, Musl or Darwin) and spells what
    // differs between platforms; internal to the package (docs/platforms.md).
    .target(name: "SystemInterface"),
    .target(name: "Tape", dependencies: ["HTTPTransportCore", "JSONTree", "SystemInterface"]),
    .target(name: "TapeTesting", dependencies: ["Tape", "HTTPTransportCore"]),
    .target(
      name: "TapeServer",
      dependencies: ["Tape", "LoopbackHTTP", "JSONTree", "HTTPTransportCore", "SystemInterface"]),
    .target(name: "LoopbackHTTP", dependencies: ["SystemInterface"]),
    .target(
      name: "CloudSimulator",
      dependencies: ["CloudProgress", "CloudSigning", "JSONTree", "LoopbackHTTP"]),
    .target(name: "DecoderFuzz", dependencies: ["CloudProgress", "JSONTree", "SystemInterface"]),
    // The drift report's reading of the five APIs: Tape's inspector over the models.
    .target(name: "CloudDrift", dependencies: ["Tape", "CloudProgress", "DecoderFuzz", "JSONTree"]),
    // Generated polling sessions against a user's poller, judged against their ground truth.
    .target(
      name: "PollingFuzz",
      dependencies: [
        "CloudProgress", "CloudProgressClient", "HTTPTransportCore", "JSONTree", "LoopbackHTTP",
        "Tape",
      ]),
    .target(
      name: "TapeCommandLine",
      dependencies: [
        "CloudProgress", "CloudProgressClient", "CloudSimulator", "DecoderFuzz", "JSONTree",
        "LoopbackHTTP", "Tape", "TapeServer", "HTTPTransportCore", "CloudSigning", "CloudDrift",
        "PollingFuzz", "SystemInterface",
      ]),
    .executableTarget(name: "tape", dependencies: ["TapeCommandLine"]),
    // libFuzzer entry point; a stub unless built with -DLIBFUZZER (see the README).
    .executableTarget(name: "fuzz-target", dependencies: ["DecoderFuzz", "JSONTree"]),
    .executableTarget(
      name: "tape-bench", dependencies: ["Tape", "JSONTree"], path: "Benchmarks/TapeBench"),
    .executableTarget(
      name: "record-bench", dependencies: ["Tape", "LoopbackHTTP", "HTTPTransportCore"],
      path: "Benchmarks/RecordBench"),
    .executableTarget(
      name: "signing-bench", dependencies: ["CloudSigning"], path: "Benchmarks/SigningBench"),
    .executableTarget(
      name: "loopback-bench",
      dependencies: [
        "CloudProgress", "CloudSimulator", "JSONTree", "LoopbackHTTP", "Tape", "TapeServer",
        "HTTPTransportCore", "CloudSigning", "SystemInterface",
      ],
      path: "Benchmarks/LoopbackBench"),
    .executableTarget(
      name: "client-bench",
      dependencies: [
        "CloudProgress", "CloudProgressClient", "CloudSimulator", "HTTPTransportCore",
      ],
      path: "Benchmarks/ClientBench"),
    .executableTarget(
      name: "polling-fuzz-bench",
      dependencies: ["PollingFuzz", "PlantedPollerBugs", "CloudProgress", "CloudProgressClient"],
      path: "Benchmarks/PollingFuzzBench"),
    .executableTarget(
      name: "decode-bench", dependencies: ["CloudProgress", "JSONTree", "SystemInterface"],
      path: "Benchmarks/DecodeBench"),
    .executableTarget(
      name: "fuzz-bench",
      dependencies: ["DecoderFuzz", "FuzzPlantedTrap", "CloudProgress", "JSONTree"],
      path: "Benchmarks/FuzzBench"),
    .executableTarget(
      name: "inspect-bench", dependencies: ["LargeCassette", "SystemInterface"],
      path: "Benchmarks/InspectBench"),
    // Test-only: a large cassette written block by block, for inspect-bench and the tests.
    .target(name: "LargeCassette", dependencies: ["Tape", "JSONTree"], path: "Tests/LargeCassette"),
    // Test-only: a fuzz target with a planted trap, and a worker that serves it.
    .target(
      name: "FuzzPlantedTrap", dependencies: ["DecoderFuzz", "CloudProgress"],
      path: "Tests/FuzzPlantedTrap"),
    .executableTarget(
      name: "planted-trap-worker", dependencies: ["DecoderFuzz", "FuzzPlantedTrap"],
      path: "Tests/PlantedTrapWorker"),
    // Test-only: pollers with one planted bug each, for the polling fuzzer's oracles.
    .target(
      name: "PlantedPollerBugs",
      dependencies: ["PollingFuzz", "CloudProgress", "CloudProgressClient"],
      path: "Tests/PlantedPollerBugs"),
    // Test-only: the seeded generator the test targets share.
    .target(name: "SeededRandom", dependencies: ["CloudProgressClient"], path: "Tests/SeededRandom"),
    .target(
      name: "SimulatorTestSupport",
      dependencies: ["CloudProgress", "CloudProgressClient", "CloudSimulator"],
      path: "Tests/SimulatorTestSupport"),
    // Test-only: two loopback servers, one redirecting to the other.
    .target(
      name: "RedirectTestSupport", dependencies: ["LoopbackHTTP"],
      path: "Tests/RedirectTestSupport"),
    .testTarget(name: "JSONTreeTests", dependencies: ["JSONTree"]),
    .testTarget(name: "CloudProgressTests", dependencies: ["CloudProgress", "JSONTree"]),
    .testTarget(name: "CloudSigningTests", dependencies: ["CloudSigning", "SeededRandom"]),
    .testTarget(
      name: "LoopbackHTTPTests", dependencies: ["LoopbackHTTP", "SeededRandom", "SystemInterface"]),
    .testTarget(
      name: "CloudSimulatorTests",
      dependencies: [
        "CloudSimulator", "CloudProgress", "CloudSigning", "JSONTree", "LoopbackHTTP",
        "SeededRandom", "SimulatorTestSupport", "HTTPTransportCore",
      ]),
    .testTarget(
      name: "TapeTests",
      dependencies: [
        "Tape", "TapeTesting", "HTTPTransportCore", "CloudProgress", "JSONTree", "LoopbackHTTP",
        "RedirectTestSupport",
      ]),
    .testTarget(
      name: "CloudProgressClientTests",
      dependencies: [
        "CloudProgressClient", "CloudProgress", "CloudSigning", "CloudSimulator",
        "HTTPTransportCore", "Tape", "TapeTesting", "SeededRandom", "SimulatorTestSupport",
      ]),
    .testTarget(
      name: "DecoderFuzzTests",
      dependencies: [
        "DecoderFuzz", "FuzzPlantedTrap", "planted-trap-worker", "CloudProgress", "JSONTree",
        "SystemInterface",
      ]),
    .testTarget(
      name: "CloudDriftTests",
      dependencies: [
        "CloudDrift", "Tape", "TapeTesting", "CloudProgress", "JSONTree", "LoopbackHTTP",
        "HTTPTransportCore",
      ]),
    .testTarget(
      name: "PollingFuzzTests",
      dependencies: [
        "PollingFuzz", "PlantedPollerBugs", "CloudProgress", "CloudProgressClient",
        "HTTPTransportCore", "Tape", "TapeTesting",
      ]),
    .testTarget(
      name: "TapeServerTests",
      dependencies: [
        "TapeServer", "Tape", "LoopbackHTTP", "HTTPTransportCore", "SystemInterface",
      ]),
    .testTarget(
      name: "TapeCommandLineTests",
      dependencies: [
        "TapeCommandLine", "CloudProgress", "CloudProgressClient", "CloudSimulator", "DecoderFuzz",
        "Tape", "LoopbackHTTP", "RedirectTestSupport", "PollingFuzz", "LargeCassette",
        "SystemInterface",
      ]),
  ],
  swiftLanguageModes: [.v6]
)
