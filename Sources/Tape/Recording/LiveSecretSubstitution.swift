import Foundation
import JSONTree

/// Replaces the live secret values of a session (a token seen in a header, an environment
/// credential) wherever they appear in an interaction already redacted by its rules: echoed
/// in an error body, in a text, in an unusual header or query key. The value becomes
/// `<LIVE_SECRET>` (as it came, and percent-encoded); JSON keys, numbers and the JSON
/// structure are kept. Values shorter than ``minimumLength`` are left to the scan, which
/// refuses the write instead: replacing a short value everywhere would rewrite ordinary text.
struct LiveSecretSubstitution: Sendable {
  /// What a live secret becomes.
  static let placeholder = "<LIVE_SECRET>"
  /// The shortest value replaced.
  static let minimumLength = 8

  private let substitution: TenantSubstitution

  init(_ secrets: some Sequence<String>) {
    var pairs: [(target: String, replacement: String, name: String)] = []
    for secret in Set(secrets) where secret.utf8.count >= Self.minimumLength {
      pairs.append((secret, Self.placeholder, "live secret"))
      if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics),
        encoded != secret
      {
        pairs.append((encoded, Self.placeholder, "live secret"))
      }
    }
    substitution = TenantSubstitution.replacing(pairs)
  }

  /// `interaction` with every live secret replaced, each place named in its redactions.
  func apply(_ interaction: Interaction) -> Interaction {
    guard !substitution.isEmpty else { return interaction }
    var names: [String] = []
    var result = interaction
    var found: Set<String> = []
    result.request.url = substitution.apply(interaction.request.url, &found)
    if !found.isEmpty { names.append("request.url: live secret") }
    for (side, headers) in [
      ("request", \Interaction.request.headers), ("response", \.response.headers),
    ] {
      result[keyPath: headers] = substitution.apply(interaction[keyPath: headers]) { name, _ in
        names.append("\(side).header.\(name): live secret")
      }
    }
    for (side, body) in [("request", \Interaction.request.body), ("response", \.response.body)] {
      guard let stored = interaction[keyPath: body] else { continue }
      found = []
      let replaced: RecordedBody.Content =
        switch stored.content {
        case .json(let tree): .json(apply(tree, &found))
        case .text(let text): .text(substitution.apply(text, &found))
        case .base64: stored.content
        }
      result[keyPath: body] = RecordedBody(
        replaced, decodedFrom: stored.decodedFrom, wireText: stored.wireText)
      if !found.isEmpty { names.append("\(side).body: live secret") }
    }
    guard !names.isEmpty else { return interaction }
    result.redactions = Array(Set(interaction.redactions + names)).sorted()
    return result
  }

  /// Strings replaced; keys, numbers, booleans and nulls kept.
  private func apply(_ json: JSONValue, _ found: inout Set<String>) -> JSONValue {
    switch json {
    case .string(let text): .string(substitution.apply(text, &found))
    case .array(let elements): .array(elements.map { apply($0, &found) })
    case .object(let members):
      .object(members.map { JSONMember($0.key, apply($0.value, &found)) })
    default: json
    }
  }
}
