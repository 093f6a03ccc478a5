import CloudProgress
import Foundation
import JSONTree

/// The oracles of a success answer's model.
///
/// 1. A payload the documentation allows (``FuzzSchema/documents(_:)``) must decode.
/// 2. Decode, encode, decode gives the same model and the same `TaskProgress`.
/// 3. Cosmetic fields do not matter: the answer without the fields its progress does not
///    depend on (``FuzzSchema/progress``) is accepted or rejected alike, and when accepted
///    has the same phase and percent. A cosmetic field can never cost a poller its status.
/// 4. Polling sequences hold: each documented polling sequence, as the model reads it,
///    keeps its terminal phase and never loses percent (``PollingSequenceRules``; checked
///    once, a broken sequence is a finding on every input), and the input's cosmetic fields
///    laid over one of its answers (a service whose cosmetic fields drifted; the answer
///    picked by the cosmetic part's hash, so every answer is reached) leave that answer
///    decodable with its phase and percent.
///
/// Rejections of undocumented payloads are expected and are not findings.
public struct ResponseOracles<Model: TaskProgressReporting>: Sendable {
  /// The documented fields, and which of them the progress is read from.
  public let schema: FuzzSchema
  private let answers: [(answer: JSONValue, progress: TaskProgress, place: String)]
  private let sequenceViolation: String?
  /// Cosmetic parts (by hash) that already held over their answer: the overlay depends on
  /// nothing else, and many inputs only mutate progress fields.
  private let heldCosmeticParts = HashMemory(capacity: 1 << 16)
  /// Models (by hash) that already came back equal through encode and decode: the round
  /// trip depends on the model alone, and many inputs decode to a model seen before.
  private let stableModels = HashMemory(capacity: 1 << 16)
  /// What the model read from progress parts already decoded: the cosmetic oracle depends on
  /// the part alone, and many inputs have a progress part seen before (a hit is checked
  /// against the whole part, see ``ProgressPartMemory``).
  let progressParts = ProgressPartMemory(capacity: 1 << 14)

  /// Oracles for `Model`; `pollingSequences` are answers (JSON texts) in the order a poller
  /// sees them, each of which must decode.
  public init(_ model: Model.Type, schema: FuzzSchema, pollingSequences: [[String]] = []) {
    self.schema = schema
    let sequences = pollingSequences.map { sequence in
      sequence.map { text in
        // The built-in sequences are documented answers (tested); one that does not
        // decode reads as unknown, which the rules or the overlay then report.
        let answer = (try? JSONParser().parse(Array(text.utf8))) ?? .object([])
        let model = try? JSONValueDecoder().decode(Model.self, from: answer)
        return (answer, model?.taskProgress ?? TaskProgress(phase: .unknown))
      }
    }
    self.answers = sequences.enumerated().flatMap { number, sequence in
      sequence.enumerated().map { index, entry in
        (entry.0, entry.1, "answer \(index + 1) of polling sequence \(number + 1)")
      }
    }
    self.sequenceViolation =
      sequences.enumerated().lazy.compactMap { number, sequence in
        PollingSequenceRules.violation(in: sequence.map(\.1)).map {
          "polling sequence \(number + 1): \($0)"
        }
      }.first
  }

  /// Runs `bytes` through `Model` and the oracles.
  public func check(_ bytes: [UInt8]) -> ExecutionOutcome {
    // Parsed once: the model decodes from the tree, as `Model(jsonData:)` would, and the
    // other oracles read the same tree. A body that does not parse is rejected by
    // `Model(jsonData:)` with a `dataCorrupted` at the parse error's pointer: signed as
    // that, without parsing it again.
    let document: JSONValue
    do {
      document = try JSONParser().parse(bytes)
    } catch {
      return .rejected(signature: DecodingErrorSummary.rejectionSignature(of: error))
    }
    let model: Model
    do {
      model = try JSONValueDecoder().decode(Model.self, from: document)
    } catch {
      let summary = DecodingErrorSummary(error)
      if schema.documents(document) {
        return .finding(
          FindingReport(
            .documentedRejected, path: summary.pointer.description,
            detail: "\(Model.self): \(summary)"))
      }
      if let finding = cosmeticRejection(of: document, summary: summary) {
        return .finding(finding)
      }
      if let finding = sequenceFinding(drift: document) {
        return .finding(finding)
      }
      return .rejected(signature: "\(summary.kind) \(summary.pattern)")
    }
    if let finding = roundTripFinding(model) { return .finding(finding) }
    let progress = model.taskProgress
    if let finding = cosmeticFinding(document, progress: progress) { return .finding(finding) }
    if let finding = sequenceFinding(drift: document) { return .finding(finding) }
    return .accepted(signature: progress.phase.rawValue + (progress.percent == nil ? "" : " %"))
  }

  /// Oracle 2.
  private func roundTripFinding(_ model: Model) -> FindingReport? {
    let hash = HashMemory.hash(of: model)
    guard !stableModels.contains(hash) else { return nil }
    guard let finding = roundTripFindingUnremembered(model) else {
      stableModels.insert(hash)
      return nil
    }
    return finding
  }

  private func roundTripFindingUnremembered(_ model: Model) -> FindingReport? {
    let encoded: Data
    do {
      encoded = try model.jsonData()
    } catch {
      return FindingReport(
        .unstableRoundTrip, path: DecodingErrorSummary(error).pointer.description,
        detail: "\(Model.self) does not encode: \(error)")
    }
    let again: Model
    do {
      again = try Model(jsonData: encoded)
    } catch {
      let summary = DecodingErrorSummary(error)
      return FindingReport(
        .unstableRoundTrip, path: summary.pointer.description,
        detail: "\(Model.self) re-encoded does not decode: \(summary); encoded "
          + String(decoding: encoded.prefix(300), as: UTF8.self))
    }
    guard again == model, again.taskProgress == model.taskProgress else {
      return FindingReport(
        .unstableRoundTrip,
        detail: "\(Model.self) changed through encode and decode: "
          + String(decoding: encoded.prefix(300), as: UTF8.self))
    }
    return nil
  }

  /// Oracle 3 for a rejected answer: rejected although its progress fields alone decode.
  private func cosmeticRejection(of document: JSONValue, summary: DecodingErrorSummary)
    -> FindingReport?
  {
    guard document.members != nil, case .decodes = progressAlone(of: document) else { return nil }
    return FindingReport(
      .cosmeticRejected, path: summary.pointer.description,
      detail: "\(Model.self) rejects the answer at a field its progress does not depend on "
        + "(its progress fields alone decode): \(summary)")
  }

  /// Oracle 3 for an accepted answer: without its cosmetic fields, the same phase and percent.
  private func cosmeticFinding(_ document: JSONValue, progress: TaskProgress) -> FindingReport? {
    switch progressAlone(of: document) {
    case .allProgress:
      return nil
    case .rejected:
      return FindingReport(
        .cosmeticRejected,
        detail: "\(Model.self) accepts the answer but rejects its progress fields alone")
    case .decodes(let alone):
      return changedProgress(from: progress, to: alone, context: "without its cosmetic fields")
    }
  }

  /// Oracle 4: the sequences' rules, then the input's cosmetic fields over one answer.
  private func sequenceFinding(drift document: JSONValue) -> FindingReport? {
    if let sequenceViolation {
      return FindingReport(.sequenceBroken, detail: "\(Model.self): \(sequenceViolation)")
    }
    guard !answers.isEmpty, document.members != nil else { return nil }
    // The hash of the cosmetic part, taken without building it: most parts were held before.
    let hash = schema.progress.cosmeticPartHash(of: document)
    guard !heldCosmeticParts.contains(hash) else { return nil }
    let entry = answers[Int(hash % UInt64(answers.count))]
    let drift = schema.progress.cosmeticPart(of: document)
    let drifted = schema.progress.overlay(cosmeticPartOf: drift, onto: entry.answer)
    do {
      let progress = try JSONValueDecoder().decode(Model.self, from: drifted).taskProgress
      let context = "for \(entry.place) with these cosmetic fields"
      if let finding = changedProgress(from: entry.progress, to: progress, context: context) {
        return finding
      }
    } catch {
      let summary = DecodingErrorSummary(error)
      return FindingReport(
        .cosmeticRejected, path: summary.pointer.description,
        detail: "\(Model.self) rejects \(entry.place) with these cosmetic fields: \(summary)")
    }
    heldCosmeticParts.insert(hash)
    return nil
  }

  private func changedProgress(from expected: TaskProgress, to found: TaskProgress, context: String)
    -> FindingReport?
  {
    guard found.phase != expected.phase || found.percent != expected.percent else { return nil }
    return FindingReport(
      .cosmeticChangedProgress,
      detail: "\(Model.self): progress \(found) \(context), \(expected) expected")
  }

  private func decode(_ document: JSONValue) -> Model? {
    try? JSONValueDecoder().decode(Model.self, from: document)
  }
}

extension ResponseOracles {
  /// What the model reads from an answer's progress fields alone.
  enum ProgressAlone {
    /// The answer has no cosmetic member: its progress part is itself.
    case allProgress
    /// The progress part alone decodes, with this progress.
    case decodes(TaskProgress)
    /// The progress part alone does not decode.
    case rejected
  }

  /// What the model reads from `document`'s progress part alone: the part hashed without
  /// building it, its decode remembered.
  func progressAlone(of document: JSONValue) -> ProgressAlone {
    let (hash, changed) = schema.progress.progressPartHash(of: document)
    guard changed else { return .allProgress }
    let progress: TaskProgress?
    if let entry = progressParts.entry(for: hash),
      schema.progress.progressPart(of: document, equals: entry.part)
    {
      progress = entry.progress
    } else {
      let part = schema.progress.progressPart(of: document)
      progress = decode(part)?.taskProgress
      progressParts.remember(.init(part: part, progress: progress), for: hash)
    }
    return progress.map(ProgressAlone.decodes) ?? .rejected
  }
}
