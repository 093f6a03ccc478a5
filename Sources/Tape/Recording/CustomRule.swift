/// A redaction the rules of a ``Redactor`` cannot say, as a function of the interaction
/// (go-vcr's before-save hook, vcrpy's `before_record`). It runs after the rules, on every
/// interaction recorded and on every live request before it is matched or reported (then
/// the interaction's response is empty, status 0).
///
/// ```swift
/// let dropTrace = Redactor.CustomRule("drop X-Trace") { interaction in
///   interaction.request.headers.set("X-Trace", to: nil)
/// }
/// let redactor = Redactor.standard.adding(customRules: [dropTrace])
/// ```
///
/// Rules are told apart by name: two rules of one name are the same rule.
extension Redactor {
  /// A named rewrite of an interaction.
  public struct CustomRule: Hashable, Sendable {
    /// The rule's name, which tells it apart from others.
    public let name: String
    /// The rewrite.
    public let rewrite: @Sendable (inout Interaction) -> Void

    /// Creates a rule; `name` tells it apart from other rules.
    public init(_ name: String, rewrite: @escaping @Sendable (inout Interaction) -> Void) {
      self.name = name
      self.rewrite = rewrite
    }

    /// Rules of one name are equal.
    public static func == (left: CustomRule, right: CustomRule) -> Bool {
      left.name == right.name
    }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) {
      hasher.combine(name)
    }
  }
}
