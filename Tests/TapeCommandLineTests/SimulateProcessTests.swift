import Foundation
import SystemInterface
import Testing

/// `tape simulate` as a process: what signals do, what it prints, how it exits.
@Suite("tape simulate: the process")
struct SimulateProcessTests {
  /// A running `tape simulate`, its banner read.
  struct Running {
    let process: ChildProcess
    let output: ChildPipe
    let errors: ChildPipe
    let banner: String
    var baseURL: String {
      String(banner.split(separator: "\n").first?.split(separator: " ").last ?? "")
    }
  }

  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent().appending(path: "tape")
  }

  static func scenarioFile(_ json: String) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appending(
      path: "tape-scenario-\(UUID().uuidString).json")
    try Data(json.utf8).write(to: file)
    return file
  }

  /// Starts the simulator on a scenario whose check task `t` answers after `delay` seconds.
  static func start(delay: Double) throws -> Running {
    let file = try scenarioFile(
      #"{"tasks": [{"api": "check", "id": "t"}], "requiresAuthentication": false, "faults": [{"kind": "slow", "delaySeconds": \#(delay)}]}"#
    )
    let process = try ChildProcess(binary, ["simulate", "--scenario", file.path])
    guard let output = process.output, let errors = process.errors else {
      throw BlockingStepFailed(description: "no pipes to the simulator")
    }
    // Standard output holds the address line alone; the rest of the banner is on stderr.
    var banner = ""
    while !banner.contains("\n") {
      let data = output.availableData
      if data.isEmpty { break }
      banner += String(decoding: data, as: UTF8.self)
    }
    return Running(process: process, output: output, errors: errors, banner: banner)
  }

  /// Connects to the simulator on a raw socket.
  static func connectTo(_ running: Running) throws -> Int32 {
    guard let port = UInt16(running.baseURL.split(separator: ":").last ?? "") else {
      throw BlockingStepFailed(description: "no port in \(running.banner)")
    }
    return try connectTo(port: port)
  }

  /// Connects to `127.0.0.1:port` on a raw socket.
  static func connectTo(port: UInt16) throws -> Int32 {
    let descriptor = SystemSocket.open(family: AF_INET)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw BlockingStepFailed(description: "connect failed") }
    return descriptor
  }

  /// Sends `text` and reads the answer to its end (the request asks to close).
  static func exchange(_ descriptor: Int32, _ text: String) -> String {
    let request = Array(text.utf8)
    _ = send(descriptor, request, request.count, SystemSocket.sendFlags)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = recv(descriptor, &buffer, buffer.count, 0)
      guard count > 0 else { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Sends a request that the slow fault holds, on a raw socket left open, and returns once
  /// the simulator is answering it: request ids are numbered, so a probe numbered above the
  /// probes sent so far proves the held request was numbered first.
  static func stuckRequest(_ running: Running) throws -> Int32 {
    let held = try connectTo(running)
    let request = Array("GET /v2/tasks/t/progress HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    guard send(held, request, request.count, SystemSocket.sendFlags) == request.count else {
      throw BlockingStepFailed(description: "send failed")
    }
    for probe in 1...1000 {
      let connection = try connectTo(running)
      defer { close(connection) }
      let answer = exchange(
        connection, "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
      let id = answer.split(separator: "\r\n").first { $0.lowercased().hasPrefix("x-request-id:") }
      let number = id.flatMap { Int($0.split(separator: " ").last ?? "", radix: 16) } ?? 0
      if number > probe { return held }
    }
    throw BlockingStepFailed(description: "the held request never reached the simulator")
  }

  /// Sends `signals` and waits for the end; the seconds it took.
  static func stop(_ running: Running, with signals: [Int32]) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    for number in signals { kill(running.process.processIdentifier, number) }
    running.process.waitUntilExit()
    let elapsed = start.duration(to: clock.now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  @Test(
    "Ctrl-C or SIGTERM with a request stuck in a huge slow fault: stopped within a second",
    arguments: [SIGINT, SIGTERM])
  func stopsWithinASecond(signal number: Int32) async throws {
    let (banner, status, seconds, rest) = try await offThePool {
      let running = try Self.start(delay: 3600)
      let client = try Self.stuckRequest(running)
      defer { close(client) }
      let seconds = Self.stop(running, with: [number])
      let rest = String(decoding: running.errors.readDataToEndOfFile(), as: UTF8.self)
      return (running.banner, running.process.waitUntilExit(), seconds, rest)
    }
    #expect(banner.contains("tape simulate listening on http://127.0.0.1:"))
    #expect(status == 0)
    // The request is held for an hour; it is closed, not waited for. (The half-second
    // grace is the simulator's; how much longer the stop takes measures the machine.)
    #expect(seconds < 30, "stopped after \(seconds) s")
    #expect(rest.hasSuffix("simulator stopped (requests still in flight were closed)\n"), "\(rest)")
  }

  @Test("a second Ctrl-C ends it at once with status 130")
  func secondInterruptForces() async throws {
    let (status, errors, seconds) = try await offThePool {
      let running = try Self.start(delay: 3600)
      let client = try Self.stuckRequest(running)
      defer { close(client) }
      kill(running.process.processIdentifier, SIGINT)
      // The first Ctrl-C is acknowledged on stderr; the second one then ends the process.
      var errors = ""
      while !errors.contains("Ctrl-C again") {
        let data = running.errors.availableData
        if data.isEmpty { break }
        errors += String(decoding: data, as: UTF8.self)
      }
      let seconds = Self.stop(running, with: [SIGINT])
      errors += String(
        decoding: running.errors.readDataToEndOfFile(), as: UTF8.self)
      return (running.process.waitUntilExit(), errors, seconds)
    }
    #expect(status == 130)
    #expect(errors.contains("interrupted again: stopping now"))
    #expect(seconds < 30, "stopped after \(seconds) s: the hour-long request was waited for")
  }

  @Test("an invalid scenario: exit 2, the file and JSON path on stderr, nothing started")
  func invalidScenario() async throws {
    let file = try Self.scenarioFile(
      #"{"tasks": [{"api": "check", "id": "t"}], "faults": [{"kind": "slow", "delaySeconds": 1e300}]}"#
    )
    let (status, printed, message) = try await offThePool {
      let process = try ChildProcess(Self.binary, ["simulate", "--scenario", file.path])
      let printed = process.output?.readDataToEndOfFile() ?? Data()
      let message = String(
        decoding: process.errors?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      return (process.waitUntilExit(), printed, message)
    }
    #expect(status == 3)
    #expect(printed.isEmpty)
    #expect(
      message
        == "error: \(file.path) is not a valid scenario: at /faults/0/delaySeconds: 1e300 is out of range; expected a number of seconds from 0 to 3600\n"
    )
  }
}
