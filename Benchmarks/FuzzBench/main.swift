import CloudProgress
import DecoderFuzz
import Foundation
import FuzzPlantedTrap
import JSONTree

// fuzz-bench: per target, side by side, a raw JSONDecoder decode of the seeds (the
// yardstick), the safe entry point on the seeds, one in-process fuzz execution (mutation
// and every oracle), and a campaign in process against one with workers; then the
// slowest error bodies, worker restart after a crash, and time to find the planted trap.
//
//   swift run -c release fuzz-bench [--seconds-per-target S] [--targets T1,T2]
//       (with --targets, only those rows of the table, and nothing after it)
//   swift run -c release fuzz-bench --by-operator T     (decode speed per mutation operator)
//   swift run -c release fuzz-bench --profile T [--operator O] [--seconds-per-target S]
//       [--inputs N]
//       (for perf record; with --operator, only inputs made by one mutation of O; with
//       --inputs, exactly N executions instead of a time, the same inputs every run: for
//       callgrind's instruction counts)
//   swift run -c release fuzz-bench --oracle-costs [T]  (µs per input of each oracle)
//   swift run -c release fuzz-bench --seed-exec [T]  (every oracle on the unmutated seeds)
//   swift run -c release fuzz-bench --oracles-by-operator T  (what inputs of each operator cost)
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

/// A raw `JSONDecoder` decode of the target's model (`ErrorBody` for error targets): the
/// yardstick of the issue's goal.
func decodeWithJSONDecoder(_ target: FuzzTarget, _ data: Data) {
  func decode<Model: Decodable>(_ model: Model.Type) {
    _ = try? JSONDecoder().decode(Model.self, from: data)
  }
  if let api = CloudAPI(rawValue: target.name) {
    decode(api.responseType)
  } else {
    decode(ErrorBody.self)
  }
}

/// Every oracle on the seeds themselves, unmutated, against `JSONDecoder` on the same seeds
/// (3 interleaved rounds): what the oracles cost before mutation makes inputs larger.
if let index = arguments.firstIndex(of: "--seed-exec") {
  let names =
    arguments.indices.contains(index + 1) && !arguments[index + 1].hasPrefix("--")
    ? [arguments[index + 1]] : FuzzTargetRegistry.standard.map(\.name)
  for name in names {
    guard let target = FuzzTargetRegistry.standard.first(where: { $0.name == name }) else {
      print("fuzz-bench: no target \(name)")
      exit(2)
    }
    let seedBytes = SeedCorpus.cases(of: target, in: corpus).map { $0.bytes() }
    let seedData = seedBytes.map { Data($0) }
    var counts = [0.0, 0.0]
    var spent = [0.0, 0.0]
    for _ in 0..<3 {
      for measure in 0..<2 {
        let start = clock.now
        var executions = 0
        while clock.now - start < .seconds(secondsPerMeasure / 3) {
          if measure == 0 {
            for data in seedData { decodeWithJSONDecoder(target, data) }
          } else {
            for bytes in seedBytes { _ = target.execute(bytes) }
          }
          executions += seedBytes.count
        }
        counts[measure] += Double(executions)
        spent[measure] += seconds(clock.now - start)
      }
    }
    let rates = zip(counts, spent).map { $0 / $1 }
    print(
      padded(name, 13), padded(String(Int(rates[0])), 10), padded(String(Int(rates[1])), 10),
      String(format: "  every oracle on the seeds / JSONDecoder %.2fx", rates[1] / rates[0]))
  }
  exit(0)
}

/// Loops mutation and every oracle of one target for the given seconds: a workload for
/// `perf record`.
if let index = arguments.firstIndex(of: "--profile"), arguments.indices.contains(index + 1) {
  guard let target = FuzzTargetRegistry.standard.first(where: { $0.name == arguments[index + 1] })
  else {
    print("fuzz-bench: no target \(arguments[index + 1])")
    exit(2)
  }
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  var random = FuzzRandom(seed: 1)
  let fixedCount = arguments.firstIndex(of: "--inputs").flatMap {
    arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil
  }
  /// `body` (which runs `count` inputs) until the time is up, or `fixedCount` inputs.
  func profileRate(_ count: Int, _ body: () -> Void) -> Double {
    guard let fixedCount else {
      return rate {
        body()
        return count
      }
    }
    let start = clock.now
    for _ in 0..<max(1, fixedCount / count) { body() }
    return Double(max(1, fixedCount / count) * count) / seconds(clock.now - start)
  }
  // With `--operator O`: only inputs made by one mutation of that operator, made first.
  if let operatorIndex = arguments.firstIndex(of: "--operator"),
    let mutationOperator = arguments.indices.contains(operatorIndex + 1)
      ? MutationOperator(rawValue: arguments[operatorIndex + 1]) : nil
  {
    var inputs: [[UInt8]] = []
    for _ in 0..<100_000 where inputs.count < 1_000 {
      var fuzzCase = random.pick(seeds)
      if Mutator().apply(mutationOperator, to: &fuzzCase, using: &random) {
        inputs.append(fuzzCase.bytes())
      }
    }
    let executions = profileRate(inputs.count) {
      for input in inputs { _ = target.execute(input) }
    }
    print("\(target.name): \(Int(executions)) inputs/s, every oracle, one \(mutationOperator) each")
    exit(0)
  }
  let executions = profileRate(64) {
    for _ in 0..<64 {
      _ = target.execute(Mutator().mutate(random.pick(seeds), using: &random).bytes())
    }
  }
  print("\(target.name): \(Int(executions)) inputs/s, mutation and every oracle")
  exit(0)
}

/// What each oracle of a response target costs, in µs per input, on the same 4,000 mutated
/// inputs: the stages of `ResponseOracles.check` rebuilt from public API, without its
/// memories (so each stage's full price), then `check` itself (with them).
func oracleCosts<Model: TaskProgressReporting>(_ model: Model.Type, _ target: FuzzTarget) {
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  var random = FuzzRandom(seed: 2)
  let mutator = Mutator()
  var inputs: [[UInt8]] = []
  let mutateStart = clock.now
  for _ in 0..<4_000 { inputs.append(mutator.mutate(random.pick(seeds), using: &random).bytes()) }
  let mutation = seconds(clock.now - mutateStart)
  let documents = inputs.map { try? JSONParser().parse($0) }
  let models = documents.map { $0.flatMap { try? JSONValueDecoder().decode(Model.self, from: $0) } }
  func time(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let start = clock.now
      body()
      best = min(best, seconds(clock.now - start))
    }
    return best / Double(inputs.count) * 1e6
  }
  let progress = target.schema.progress
  let costs: [(String, Double)] = [
    ("mutation", mutation / Double(inputs.count) * 1e6),
    ("parse", time { for input in inputs { _ = try? JSONParser().parse(input) } }),
    (
      "decode (tree)",
      time {
        for document in documents.compactMap({ $0 }) {
          _ = try? JSONValueDecoder().decode(Model.self, from: document)
        }
      }
    ),
    (
      "round trip",
      time {
        for model in models.compactMap({ $0 }) {
          if let data = try? model.jsonData() { _ = try? Model(jsonData: data) == model }
        }
      }
    ),
    ("model hash", time { for model in models.compactMap({ $0 }) { _ = model.hashValue } }),
    (
      "cosmetic (progress part)",
      time {
        for document in documents.compactMap({ $0 }) {
          if let part = progress.strictProgressPart(of: document) {
            _ = try? JSONValueDecoder().decode(Model.self, from: part)
          }
        }
      }
    ),
    (
      "sequence (drift hash)",
      time {
        for document in documents.compactMap({ $0 }) where document.members != nil {
          _ = progress.cosmeticPartHash(of: document)
        }
      }
    ),
    ("check (all, memories on)", time { for input in inputs { _ = target.execute(input) } }),
  ]
  let parsed = documents.count(where: { $0 != nil })
  let decoded = models.count(where: { $0 != nil })
  print(
    "\(target.name): µs per input over \(inputs.count) mutated inputs (\(parsed) parse, "
      + "\(decoded) decode; stages are per input of all)")
  for (name, cost) in costs { print("  " + padded(name, 26) + String(format: " %8.2f", cost)) }
}

if let index = arguments.firstIndex(of: "--oracle-costs") {
  let names =
    arguments.indices.contains(index + 1)
    ? [arguments[index + 1]] : CloudAPI.allCases.map(\.rawValue)
  for name in names {
    guard let api = CloudAPI(rawValue: name),
      let target = FuzzTargetRegistry.standard.first(where: { $0.name == name })
    else {
      print("fuzz-bench: \(name) is not a response target")
      exit(2)
    }
    oracleCosts(api.responseType, target)
  }
  exit(0)
}

/// For each mutation operator, the mean cost of mutation and every oracle on inputs it made
/// (an input with several operators counts for each), and its share of the total time.
if let index = arguments.firstIndex(of: "--oracles-by-operator"),
  arguments.indices.contains(index + 1)
{
  guard let target = FuzzTargetRegistry.standard.first(where: { $0.name == arguments[index + 1] })
  else {
    print("fuzz-bench: no target \(arguments[index + 1])")
    exit(2)
  }
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  var random = FuzzRandom(seed: 3)
  var costs: [String: (count: Int, seconds: Double)] = [:]
  var total = 0.0
  let count = 40_000
  for _ in 0..<count {
    let start = clock.now
    let fuzzCase = Mutator().mutate(random.pick(seeds), using: &random)
    _ = target.execute(fuzzCase.bytes())
    let spent = seconds(clock.now - start)
    total += spent
    for name in Set(fuzzCase.mutations.map(\.operator.rawValue)) {
      costs[name, default: (0, 0)].count += 1
      costs[name, default: (0, 0)].seconds += spent
    }
  }
  print(
    "\(target.name): \(count) inputs, mean "
      + String(format: "%.1f µs", total / Double(count) * 1e6)
      + "; per operator: inputs, mean µs, share of the time")
  for (name, cost) in costs.sorted(by: { $0.value.seconds > $1.value.seconds }) {
    print(
      "  " + padded(name, 20) + padded(String(cost.count), 7)
        + String(
          format: " %8.1f %5.0f%%", cost.seconds / Double(cost.count) * 1e6,
          cost.seconds / total * 100))
  }
  exit(0)
}

/// Executions per second of a campaign of `target` alone on one job, in process or with
/// workers, for `secondsPerMeasure` (its corpus grows as a real campaign's does).
func campaignRate(_ target: FuzzTarget, workers: Bool, seconds: Double = secondsPerMeasure)
  -> (executions: Int, seconds: Double)
{
  let configuration = FuzzConfiguration(
    targets: [target], seed: 1, budget: .seconds(seconds), jobs: 1,
    corpusDirectory: corpus, findingsDirectory: nil
  ) { target in
    if workers { return WorkerExecutor(target: target, command: [executable, "--worker"]) }
    return InProcessExecutor(target: target)
  }
  let report = FuzzCampaign.run(configuration).first
  return (report?.executions ?? 0, report?.seconds ?? 0)
}

/// A campaign of one target in process, for `perf record`.
if let index = arguments.firstIndex(of: "--campaign"), arguments.indices.contains(index + 1) {
  guard let target = FuzzTargetRegistry.standard.first(where: { $0.name == arguments[index + 1] })
  else {
    print("fuzz-bench: no target \(arguments[index + 1])")
    exit(2)
  }
  let run = campaignRate(target, workers: arguments.contains("--workers"))
  print("\(target.name): campaign \(Int(Double(run.executions) / run.seconds)) inputs/s")
  exit(0)
}

print(
  "fuzz-bench: \(secondsPerMeasure) s per measure, \(Toolchain.description), \(BuildKind.current) build"
)
print(
  "inputs/s on one core, measured side by side (each measure in 3 interleaved rounds); "
    + "on a shared machine only the ratios mean much")
print(
  "target         JSONDecoder  Model(jsonData:)  exec(in-proc)  /JSONDecoder  "
    + "campaign(in-proc)  campaign(workers)  in-proc/workers")
// `--targets a,b`: only these targets, and none of the measures after the table.
let onlyTargets = arguments.firstIndex(of: "--targets").flatMap {
  arguments.indices.contains($0 + 1)
    ? Set(arguments[$0 + 1].split(separator: ",").map(String.init)) : nil
}
for target in FuzzTargetRegistry.standard where onlyTargets?.contains(target.name) ?? true {
  let seeds = SeedCorpus.cases(of: target, in: corpus)
  let seedBytes = seeds.map { $0.bytes() }
  let seedData = seedBytes.map { Data($0) }
  let mutator = Mutator()
  var random = FuzzRandom(seed: 1)
  var executionsDone = [0.0, 0.0, 0.0]
  var secondsSpent = [0.0, 0.0, 0.0]
  var campaigns = [0.0, 0.0]
  for _ in 0..<3 {
    let measures: [() -> Int] = [
      {
        for data in seedData { decodeWithJSONDecoder(target, data) }
        return seedData.count
      },
      {
        for bytes in seedBytes { decodeOnly(target, bytes) }
        return seedBytes.count
      },
      {
        for _ in 0..<64 {
          _ = target.execute(mutator.mutate(random.pick(seeds), using: &random).bytes())
        }
        return 64
      },
    ]
    for (index, measure) in measures.enumerated() {
      let start = clock.now
      var executions = 0
      while clock.now - start < .seconds(secondsPerMeasure / 3) { executions += measure() }
      executionsDone[index] += Double(executions)
      secondsSpent[index] += seconds(clock.now - start)
    }
  }
  let rates = zip(executionsDone, secondsSpent).map { $0 / $1 }
  // Campaigns in 3 interleaved rounds too, each a fresh campaign from the seeds.
  var campaignRuns = [(0, 0.0), (0, 0.0)]
  for _ in 0..<3 {
    for (index, workers) in [false, true].enumerated() {
      let run = campaignRate(target, workers: workers, seconds: secondsPerMeasure / 3)
      campaignRuns[index].0 += run.executions
      campaignRuns[index].1 += run.seconds
    }
  }
  campaigns = campaignRuns.map { Double($0.0) / max($0.1, 1e-9) }
  print(
    padded(target.name, 13), padded(String(Int(rates[0])), 12), padded(String(Int(rates[1])), 17),
    padded(String(Int(rates[2])), 14), padded(String(format: "%.2fx", rates[2] / rates[0]), 13),
    padded(String(Int(campaigns[0])), 18), padded(String(Int(campaigns[1])), 18),
    padded(String(format: "%.2fx", campaigns[0] / max(campaigns[1], 1)), 16))
}

if onlyTargets != nil { exit(0) }

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
