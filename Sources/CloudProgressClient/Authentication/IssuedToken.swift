import Foundation

/// A token IAM issued, with when it was issued and when it expires.
struct IssuedToken: Sendable {
  /// The token.
  var value: Secret
  /// When the client received it (its own clock).
  var issuedAt: Date
  /// When IAM says it expires.
  var expiresAt: Date

  /// Whether it should be renewed at `now`: within `margin` of its expiry, or in the last
  /// half of its life when that is shorter.
  func needsRenewal(at now: Date, margin: TimeInterval) -> Bool {
    let lifetime = expiresAt.timeIntervalSince(issuedAt)
    return now >= expiresAt.addingTimeInterval(-min(margin, lifetime / 2))
  }
}
