import CloudProgress
import Foundation
import JSONTree

/// The oracles of a success answer's model.
///
/// 1. A payload the documentation allows (``FuzzSchema/documents(_:)``) must decode.
/// 2. Decode, encode, decode gives the same model and the same `TaskProgress`.
/// 3. `TaskProgress` holds its invariants: percent nil or finite within 0...100, and over the
///    polling sequence (the answer, then the same answer re-encoded, as a replayer serves it)
///    a terminal phase never goes back.
///
/// Rejections of undocumented payloads are expected and are not findings.
public enum ResponseOracles {
  /// Runs `bytes` through `Model` and the oracles.
  public static func check<Model: TaskProgressReporting>(
    _ type: Model.Type, bytes: [UInt8], schema: FuzzSchema
  ) -> ExecutionOutcome {
    let data = Data(bytes)
    let model: Model
    do {
      // The app's decoding path: the models' safe entry point.
      model = try Model(jsonData: data)
    } catch {
      let summary = DecodingErrorSummary(error)
      if let document = try? JSONParser().parse(bytes), schema.documents(document) {
        return .finding(
          FindingReport(
            .documentedRejected, path: summary.pointer.description,
            detail: "\(Model.self): \(summary)"))
      }
      return .rejected(signature: "\(summary.kind) \(summary.pattern)")
    }
    let progress = model.taskProgress
    if let broken = brokenInvariant(progress) {
      return .finding(FindingReport(.invariantBroken, detail: "\(Model.self): \(broken)"))
    }
    let encoded: Data
    do {
      encoded = try model.jsonData()
    } catch {
      return .finding(
        FindingReport(
          .unstableRoundTrip, path: DecodingErrorSummary(error).pointer.description,
          detail: "\(Model.self) does not encode: \(error)"))
    }
    let again: Model
    do {
      again = try Model(jsonData: encoded)
    } catch {
      let summary = DecodingErrorSummary(error)
      return .finding(
        FindingReport(
          .unstableRoundTrip, path: summary.pointer.description,
          detail: "\(Model.self) re-encoded does not decode: \(summary); encoded "
            + String(decoding: encoded.prefix(300), as: UTF8.self)))
    }
    let progressAgain = again.taskProgress
    if progress.isTerminal, !progressAgain.isTerminal {
      return .finding(
        FindingReport(
          .invariantBroken,
          detail: "\(Model.self): terminal phase \(progress.phase) went back to "
            + "\(progressAgain.phase) when the same answer was polled again"))
    }
    guard again == model, progressAgain == progress else {
      return .finding(
        FindingReport(
          .unstableRoundTrip,
          detail: "\(Model.self) changed through encode and decode: "
            + String(decoding: encoded.prefix(300), as: UTF8.self)))
    }
    return .accepted(signature: progress.phase.rawValue + (progress.percent == nil ? "" : " %"))
  }

  /// The first invariant `progress` breaks, or nil.
  public static func brokenInvariant(_ progress: TaskProgress) -> String? {
    if let percent = progress.percent, !(percent.isFinite && (0...100).contains(percent)) {
      return "percent \(percent) outside 0...100"
    }
    if progress.isTerminal != progress.phase.isTerminal {
      return "isTerminal disagrees with phase \(progress.phase)"
    }
    return nil
  }
}
