import CloudProgress
import DecoderFuzz
import Foundation
import FuzzPlantedTrap
import JSONTree

// fuzz-bench: execs/s per target against a decode loop over the unmutated seeds (the
// ceiling), the slowest error bodies, worker restart after a crash, and time to find
// the planted trap.
//
//   swift run -c release fuzz-bench [--seconds-per-target S]
//   swift run -c release fuzz-bench --by-operator T     (decode speed per mutation operator)
//
// The benchmark is its own fuzz worker: `fuzz-bench --worker --target T ...`.

if CommandLine.arguments.dropFirst().first == "--worker" {
  exit(
    FuzzWorker.serve(
      arguments: Array(CommandLine.arguments.dropFirst(2)), targets: PlantedTrap.targets))
}

let arguments = Array(CommandLine.arguments.dropFirst())
let secondsPerMeasure =
  arguments.firstIndex(of: "--seconds-per-target").flatMap {
    arguments.indices.contains($0 + 1) ? Double(arguments[$0 + 1]) : nil
  } ?? 1.0
let corpus = URL(fileURLWithPath: "corpus")
let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `body` in rounds until `secondsPerMeasure` have passed; returns executions per second.
func rate(_ body: () -> Int) -> Double {
  let start = clock.now
  var executions = 0
  while clock.now - start < .seconds(secondsPerMeasure) { executions += body() }
  return Double(executions) / seconds(clock.now - start)
}

/// The target's model through its safe entry point, `Model(jsonData:)` (`JSONParser` and
/// `JSONValueDecoder`), the app's decoding path; error targets decode `ErrorBody`.
func decodeOnly(_ target: FuzzTarget, _ bytes: [UInt8]) {
  let data = Data(bytes)
  if let api = CloudAPI(rawValue: target.name) {
    _ = try? api.decodeResponse(from: data)
  } else {
    _ = try? JSONValueDecoder().decode(ErrorBody.self, from: bytes)
  }
}

/// Prints, for each operator, how fast the target decodes inputs carrying one mutation of it.
func decodeRateByOperator(_ target: FuzzTarget) {
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  var random = FuzzRandom(seed: 1)
  print("\(target.name): inputs/s of decoding 2,000 inputs with one mutation each")
  for mutationOperator in MutationOperator.allCases {
    var inputs: [[UInt8]] = []
    for _ in 0..<100_000 where inputs.count < 2_000 {
      var fuzzCase = random.pick(seeds)
      if Mutator().apply(mutationOperator, to: &fuzzCase, using: &random) {
        inputs.append(fuzzCase.bytes())
      }
    }
    guard !inputs.isEmpty else { continue }
    let decoded = rate {
      for bytes in inputs { decodeOnly(target, bytes) }
      return inputs.count
    }
    let meanSize = inputs.reduce(0) { $0 + $1.count } / inputs.count
    print(
      padded(mutationOperator.rawValue, 20), padded(String(Int(decoded)), 9),
      " mean size \(meanSize) B")
  }
}

func padded(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

if let name = arguments.firstIndex(of: "--by-operator").flatMap({
  arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
}) {
  guard let target = FuzzTargetRegistry.standard.first(where: { $0.name == name }) else {
    print("fuzz-bench: no target \(name)")
    exit(2)
  }
  decodeRateByOperator(target)
  exit(0)
}

print("fuzz-bench: \(secondsPerMeasure) s per measure, \(Toolchain.description)")
print(
  "inputs/s per core; ratios against the ceiling (the safe entry point over the unmutated seeds)")
print(
  "target         ceiling   mutate  decode(mutated)  mut+decode  ratio  "
    + "oracles(in-proc)  worker(full)  ratio")
for target in FuzzTargetRegistry.standard {
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  let seedBytes = seeds.map { $0.bytes() }
  let ceiling = rate {
    for bytes in seedBytes { decodeOnly(target, bytes) }
    return seedBytes.count
  }
  let mutator = Mutator()
  var random = FuzzRandom(seed: 1)
  let mutateOnly = rate {
    var total = 0
    for _ in 0..<64 { total &+= mutator.mutate(random.pick(seeds), using: &random).bytes().count }
    return total >= 0 ? 64 : 0
  }
  let mutated = (0..<4096).map { _ in mutator.mutate(random.pick(seeds), using: &random).bytes() }
  let decodeMutated = rate {
    for bytes in mutated { decodeOnly(target, bytes) }
    return mutated.count
  }
  let mutateAndDecode = rate {
    for _ in 0..<64 {
      decodeOnly(target, mutator.mutate(random.pick(seeds), using: &random).bytes())
    }
    return 64
  }
  let withOracles = rate {
    for _ in 0..<64 {
      _ = target.execute(mutator.mutate(random.pick(seeds), using: &random).bytes())
    }
    return 64
  }
  let worker = WorkerExecutor(target: target, command: [executable, "--worker"])
  let throughWorker = rate {
    let inputs = (0..<256).map { _ in mutator.mutate(random.pick(seeds), using: &random).bytes() }
    return worker.run(inputs).count
  }
  func percent(_ value: Double) -> String { String(format: "%.0f%%", value / ceiling * 100) }
  print(
    padded(target.name, 13), padded(String(Int(ceiling)), 8), padded(String(Int(mutateOnly)), 8),
    padded(String(Int(decodeMutated)), 9), padded(percent(decodeMutated), 6),
    padded(String(Int(mutateAndDecode)), 11), padded(percent(mutateAndDecode), 6),
    padded(String(Int(withOracles)), 17), padded(String(Int(throughWorker)), 13),
    padded(percent(throughWorker), 6))
}

// The slowest error bodies found: 256 KiB (the campaign's input limit) made to cost the
// most, through every error-body oracle, best of 3, against the 250 ms per-input budget.
func filled(_ head: [UInt8], _ unit: [UInt8], _ tail: [UInt8]) -> [UInt8] {
  let count = (262_144 - head.count - tail.count) / unit.count
  return head + Array((0..<count).map { _ in unit }.joined()) + tail
}
let nest = Array((String(repeating: "[", count: 511) + String(repeating: "]", count: 511)).utf8)
let worstBodies: [(String, [UInt8])] = [
  ("511-deep nests", filled([UInt8(ascii: "[")], nest + [UInt8(ascii: ",")], Array("0]".utf8))),
  ("numbers", filled([UInt8(ascii: "[")], Array("0,".utf8), Array("0]".utf8))),
  (
    "escapes",
    filled(Array(#"{"error_code":"E","error_msg":""#.utf8), Array(#"\n"#.utf8), Array(#""}"#.utf8))
  ),
  ("invalid UTF-8", filled(Array(#"{"error_msg":""#.utf8), [0xFF], Array(#""}"#.utf8))),
  ("ideographic spaces", filled([], Array("\u{3000}".utf8), Array("x".utf8))),
]
let worstTimes = worstBodies.map { name, body in
  let best =
    (0..<3).map { _ in
      let start = clock.now
      _ = ErrorBodyOracles.check(body)
      return seconds(clock.now - start) * 1000
    }.min() ?? 0
  return "\(name) " + String(format: "%.1f ms", best)
}
print("slowest error bodies (256 KiB, best of 3): " + worstTimes.joined(separator: ", "))

// Worker restart: a crasher then a good input, against a good input alone.
let good = Array(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#.utf8)
let crasher = Array(#"{"progress":{"info":"\u0000"}}"#.utf8)
for spare in [true, false] {
  var restarts: [Double] = []
  for _ in 0..<21 {
    let executor = WorkerExecutor(target: PlantedTrap.target, command: [executable, "--worker"])
    _ = executor.run([good])
    if !spare { _ = executor.run([good, crasher]) }  // uses up the spare started at launch
    let start = clock.now
    _ = executor.run([crasher, good])
    let crashAndRestart = seconds(clock.now - start)
    let again = clock.now
    _ = executor.run([good])
    restarts.append((crashAndRestart - seconds(clock.now - again)) * 1000)
  }
  restarts.sort()
  print(
    "worker restart after a crash (\(spare ? "spare ready" : "cold spawn")): median "
      + String(format: "%.2f ms", restarts[restarts.count / 2])
      + String(format: " (min %.2f, max %.2f) over 21", restarts.first ?? 0, restarts.last ?? 0))
}

// Time to find the planted trap, five seeds.
var times: [Double] = []
for seed in UInt64(1)...5 {
  let target = PlantedTrap.target
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  let mutator = Mutator()
  var random = FuzzRandom(seed: seed, stream: StableHash.fnv1a("0/1/\(target.name)"))
  let executor = WorkerExecutor(target: target, command: [executable, "--worker"])
  let start = clock.now
  var executions = 0
  search: while executions < 1_000_000 {
    let inputs = (0..<256).map { _ in mutator.mutate(random.pick(seeds), using: &random).bytes() }
    for outcome in executor.run(inputs) {
      executions += 1
      if outcome.finding?.findingClass == .trap { break search }
    }
  }
  let elapsed = seconds(clock.now - start)
  times.append(elapsed)
  print(
    "planted trap, seed \(seed): found after \(executions) inputs, \(String(format: "%.3f s", elapsed))"
  )
}
times.sort()
print("time to find the planted trap: median \(String(format: "%.3f s", times[2])) of 5 seeds")
