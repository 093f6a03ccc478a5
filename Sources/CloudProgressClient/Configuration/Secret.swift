/// A credential value (a token, a password, a key) that never prints.
///
/// `description`, `debugDescription` and the mirror (`dump`, debuggers, test failure
/// messages) all show `<redacted>`: only ``revealed`` gives the value, for the one place
/// that sends it.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The value itself. Read it only to put it on the wire.
  public let revealed: String

  /// Wraps a credential value.
  public init(_ value: String) {
    revealed = value
  }

  /// `<redacted>`.
  public var description: String { Self.placeholder }

  /// `<redacted>`.
  public var debugDescription: String { Self.placeholder }

  /// A mirror without children, so `dump` shows nothing of the value.
  public var customMirror: Mirror {
    Mirror(self, children: [], displayStyle: .struct)
  }

  /// What is shown in place of a secret.
  static let placeholder = "<redacted>"
}
