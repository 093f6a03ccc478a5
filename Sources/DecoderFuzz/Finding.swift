import Foundation
import JSONTree

/// A minimized finding as saved in `corpus/<api>/findings/<hash>.json`: the input, what it
/// did, the mutations that made it, the seed and shard it came from, and the toolchain.
public struct Finding: Hashable, Sendable {
  /// The target name (`insight`, `drs-error`, ...).
  public var target: String
  /// What the oracles reported.
  public var report: FindingReport
  /// The minimized input bytes.
  public var input: [UInt8]
  /// The mutations that produced the original input.
  public var mutations: [Mutation]
  /// The campaign seed.
  public var seed: UInt64
  /// The campaign shard.
  public var shard: Shard
  /// The number of the input within its target's stream.
  public var iteration: Int
  /// The size of the input before minimization.
  public var originalSize: Int
  /// The toolchain that found it.
  public var toolchain: String
  /// The time budget per input it was found with, in milliseconds (`budget_ms`); replay uses
  /// it, so a slow finding is judged by the budget it broke. Nil in files written before it.
  public var budgetMilliseconds: Double?

  /// The key naming the file format's version (`formatVersion`, as in cassettes; files
  /// written before it say `format_version`, which is still read).
  public static let formatVersionKey = "formatVersion"

  /// Creates a finding.
  public init(
    target: String, report: FindingReport, input: [UInt8], mutations: [Mutation], seed: UInt64,
    shard: Shard, iteration: Int, originalSize: Int, toolchain: String = Toolchain.description,
    budgetMilliseconds: Double? = nil
  ) {
    self.budgetMilliseconds = budgetMilliseconds
    self.target = target
    self.report = report
    self.input = input
    self.mutations = mutations
    self.seed = seed
    self.shard = shard
    self.iteration = iteration
    self.originalSize = originalSize
    self.toolchain = toolchain
  }

  /// The file name stem: a stable hash of the target and the minimized input, so that the
  /// same minimized finding is saved once.
  public var identifier: String {
    StableHash.hex(StableHash.fnv1a(Array(target.utf8) + [0] + input))
  }

  /// The file's text: the document pretty-printed with sorted keys, except the input,
  /// which stays on one line (a deeply nested input pretty-printed grows quadratically).
  /// The input is stored as JSON when the loader (``init(fileBytes:)``) reads that text
  /// back to the same bytes, and as base64 otherwise: invalid JSON, and JSON that is
  /// nested too deeply once inside the file (a 512-deep input is 514 deep at
  /// `/input/json`, beyond the parser's limit).
  public var fileText: String {
    if let tree = try? JSONParser().parse(input), JSONWriter.bytes(of: tree) == input {
      let text = fileText(input: .object([JSONMember("json", tree)]))
      if let loaded = try? Finding(fileBytes: Array(text.utf8)), loaded.input == input {
        return text
      }
    }
    return fileText(input: base64InputValue)
  }

  /// The file's document.
  public var document: JSONValue {
    (try? JSONParser().parse(fileText)) ?? documentWithInput(base64InputValue)
  }

  /// Reads a finding file's bytes, as ``FindingStore/load(_:)`` does.
  public init(fileBytes: [UInt8]) throws {
    try self.init(document: try JSONParser().parse(fileBytes))
  }

  private var base64InputValue: JSONValue {
    .object([JSONMember("base64", .string(Data(input).base64EncodedString()))])
  }

  private func fileText(input inputValue: JSONValue) -> String {
    let placeholder = "\u{1}input\u{1}"
    let outline = documentWithInput(.string(placeholder))
    return outline.serialized(.canonical).replacing(
      JSONValue.string(placeholder).serialized(), with: inputValue.serialized(.compact)) + "\n"
  }

  private func documentWithInput(_ inputValue: JSONValue) -> JSONValue {
    var outcome = [
      JSONMember("class", .string(report.findingClass.rawValue)),
      JSONMember("detail", .string(report.detail)),
    ]
    if let path = report.path { outcome.append(JSONMember("path", .string(path))) }
    var members = [
      JSONMember(Self.formatVersionKey, .number("1")),
      JSONMember("target", .string(target)),
      JSONMember("outcome", .object(outcome)),
      JSONMember("input", inputValue),
      JSONMember(
        "mutations",
        .array(
          mutations.map {
            .object([
              JSONMember("pointer", .string($0.pointer)),
              JSONMember("operator", .string($0.operator.rawValue)),
              JSONMember("argument", .string($0.argument)),
            ])
          })),
      JSONMember("seed", .number(String(seed))),
      JSONMember("shard", .string(shard.description)),
      JSONMember("iteration", .number(String(iteration))),
      JSONMember("original_size", .number(String(originalSize))),
      JSONMember("toolchain", .string(toolchain)),
    ]
    if let budgetMilliseconds {
      members.append(JSONMember("budget_ms", .number(String(budgetMilliseconds))))
    }
    return .object(members)
  }

  /// Reads a finding file's document; the error says which field is wrong.
  public init(document: JSONValue) throws(FindingFileError) {
    func string(_ key: String, in value: JSONValue? = nil) throws(FindingFileError) -> String {
      guard let text = (value ?? document)[key]?.stringValue else {
        throw FindingFileError(reason: "'\(key)' is missing or not a string")
      }
      return text
    }
    func integer(_ key: String) throws(FindingFileError) -> String {
      guard let lexeme = document[key]?.numberLexeme else {
        throw FindingFileError(reason: "'\(key)' is missing or not a number")
      }
      return lexeme
    }
    guard document.members != nil else { throw FindingFileError(reason: "not a JSON object") }
    guard (document[Self.formatVersionKey] ?? document["format_version"])?.numberLexeme == "1"
    else {
      throw FindingFileError(reason: "'\(Self.formatVersionKey)' must be 1")
    }
    var budget: Double?
    if let value = document["budget_ms"] {
      guard let lexeme = value.numberLexeme, let number = Double(lexeme), number.isFinite,
        number > 0
      else { throw FindingFileError(reason: "'budget_ms' must be a positive number") }
      budget = number
    }
    guard let outcome = document["outcome"], outcome.members != nil else {
      throw FindingFileError(reason: "'outcome' is missing or not an object")
    }
    guard let findingClass = FindingClass(rawValue: try string("class", in: outcome)) else {
      throw FindingFileError(reason: "'outcome.class' is not a finding class")
    }
    let report = FindingReport(
      findingClass, path: outcome["path"]?.stringValue, detail: try string("detail", in: outcome))
    let input: [UInt8]
    if let tree = document["input"]?["json"] {
      input = JSONWriter.bytes(of: tree)
    } else if let text = document["input"]?["base64"]?.stringValue,
      let data = Data(base64Encoded: text)
    {
      input = Array(data)
    } else {
      throw FindingFileError(reason: "'input' must hold 'json' or valid 'base64'")
    }
    guard case .array(let records) = document["mutations"] else {
      throw FindingFileError(reason: "'mutations' is missing or not an array")
    }
    var mutations: [Mutation] = []
    for record in records {
      guard let pointer = record["pointer"]?.stringValue,
        let name = record["operator"]?.stringValue,
        let mutationOperator = MutationOperator(rawValue: name),
        let argument = record["argument"]?.stringValue
      else { throw FindingFileError(reason: "a mutation is malformed: \(record.serialized())") }
      mutations.append(Mutation(pointer: pointer, operator: mutationOperator, argument: argument))
    }
    guard let seed = UInt64(try integer("seed")), let iteration = Int(try integer("iteration")),
      let originalSize = Int(try integer("original_size"))
    else { throw FindingFileError(reason: "'seed', 'iteration' or 'original_size' out of range") }
    guard let shard = Shard(try string("shard")) else {
      throw FindingFileError(reason: "'shard' must be i/n")
    }
    self.init(
      target: try string("target"), report: report, input: input, mutations: mutations,
      seed: seed, shard: shard, iteration: iteration, originalSize: originalSize,
      toolchain: try string("toolchain"), budgetMilliseconds: budget)
  }
}

/// A finding file that cannot be read, and why.
public struct FindingFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public var reason: String
  /// The reason.
  public var description: String { reason }
}
