import JSONTree

/// How a drift report writes a value it may show (an enumerated field's value, an error
/// code): as compact JSON, cut to ``limit`` characters.
public enum DriftValue {
  /// The longest value shown, in characters.
  public static let limit = 60

  /// `7`, `"RUNNING"`, or the first characters of a longer value and `...`.
  public static func text(of value: JSONValue) -> String {
    let text = value.serialized()
    return text.count > limit ? String(text.prefix(limit - 3)) + "..." : text
  }
}
