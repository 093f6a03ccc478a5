import Foundation
import Tape

/// The cassette `tape proxy` writes: what was there (new episodes), then what it recorded,
/// with credentials replaced by placeholders.
enum ProxyRecording {
  static func cassette(existing: Cassette?, recorded: [Interaction], upstream: String)
    -> Cassette
  {
    var cassette = existing ?? Cassette(interactions: [])
    cassette.interactions += recorded.map(redacted)
    cassette.metadata["origin"] = "recorded by tape proxy from \(upstream)"
    if cassette.recordedAt == nil {
      cassette.recordedAt = Date().formatted(.iso8601)
    }
    return cassette
  }

  /// Headers that carry credentials, replaced by a placeholder.
  static let secretHeaders = [
    "Authorization", "X-Auth-Token", "X-Security-Token", "X-Subject-Token", "Cookie",
    "Set-Cookie", "Proxy-Authorization",
  ]

  static func redacted(_ interaction: Interaction) -> Interaction {
    var interaction = interaction
    for name in secretHeaders {
      if interaction.request.headers[name] != nil {
        interaction.request.headers.set(name, to: "<\(placeholder(name))>")
        interaction.redactions.append("request.header.\(name)")
      }
      if interaction.response.headers[name] != nil {
        interaction.response.headers.set(name, to: "<\(placeholder(name))>")
        interaction.redactions.append("response.header.\(name)")
      }
    }
    if interaction.request.url.hasSuffix("/v3/auth/tokens"), interaction.request.body != nil {
      interaction.request.body = RecordedBody(.text("<IAM_TOKEN_REQUEST>"))
      interaction.redactions.append("request.body")
    }
    return interaction
  }

  private static func placeholder(_ name: String) -> String {
    name.uppercased().replacingOccurrences(of: "-", with: "_")
  }
}
