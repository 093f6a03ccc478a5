import CloudProgress
import Foundation
import JSONTree
import Tape

/// How the recorded answers differ from the models: every successful JSON body is decoded
/// with the API's model (the safe entry point); fields the model does not know, wire
/// anomalies, a status the mapping does not know and decode failures are reported, so a
/// re-record against the live cloud says how the API changed.
struct DriftReport: Hashable, Sendable {
  /// One finding: the interaction, where in its body, and what.
  var findings: [String]

  /// Reads the successful JSON answers of `interactions` as `api`'s model.
  init(api: CloudAPI, interactions: [Interaction]) {
    var findings: [String] = []
    for (index, interaction) in interactions.enumerated() {
      let response = interaction.response
      guard (200..<300).contains(response.status), let body = response.body,
        case .json(let received) = body.content
      else { continue }
      let place = "interaction #\(index)"
      let model: any TaskProgressReporting
      do {
        model = try api.decodeResponse(from: body.data)
      } catch {
        findings.append("\(place): decode failure: \(error)")
        continue
      }
      for anomaly in model.wireAnomalies {
        findings.append("\(place): wire anomaly: \(anomaly)")
      }
      if model.taskProgress.phase == .unknown {
        findings.append("\(place): a status value the documentation does not list")
      }
      if let encoded = try? model.jsonData(), let known = try? JSONParser().parse(encoded) {
        for path in Self.paths(in: received, at: .root) where !Self.has(known, path) {
          findings.append("\(place): new field \(path)")
        }
      }
    }
    var seen = Set<String>()
    self.findings = findings.filter { seen.insert($0).inserted }
  }

  /// `none`, or the findings joined with `; ` (for cassette metadata).
  var summary: String {
    findings.isEmpty ? "none" : findings.joined(separator: "; ")
  }

  /// The pointer of every object member, at every depth.
  private static func paths(in value: JSONValue, at pointer: JSONPointer) -> [JSONPointer] {
    switch value {
    case .object(let members):
      return members.flatMap { member -> [JSONPointer] in
        let child = pointer.appending(member.key)
        return [child] + paths(in: member.value, at: child)
      }
    case .array(let elements):
      return elements.enumerated().flatMap { paths(in: $1, at: pointer.appending($0)) }
    default:
      return []
    }
  }

  /// Whether `tree` has a member at `pointer` (a null written back counts).
  private static func has(_ tree: JSONValue, _ pointer: JSONPointer) -> Bool {
    var current: JSONValue? = tree
    for token in pointer.tokens {
      switch current {
      case .object: current = current?[token]
      case .array: current = Int(token).flatMap { current?[$0] }
      default: return false
      }
      if current == nil { return false }
    }
    return true
  }
}
