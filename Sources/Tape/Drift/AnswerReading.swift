/// What a ``DriftInspector`` read from one recorded answer of an API it knows.
public struct AnswerReading: Hashable, Sendable {
  /// The API, such as `check`.
  public var api: String
  /// What in this answer differs from the models: members they do not know, undocumented
  /// values, wire anomalies, or why it did not decode.
  public var findings: [DriftFinding]
  /// The documented members this answer could have held (their parent came as an object),
  /// with their documented types: those that came in no answer of the API are reported
  /// as ``DriftKind/missingMember``.
  public var expectedMembers: [String: String]
  /// The answer's shape, compared with the previous recording's.
  public var shape: AnswerShape

  /// Creates a reading.
  public init(
    api: String, findings: [DriftFinding] = [], expectedMembers: [String: String] = [:],
    shape: AnswerShape = AnswerShape()
  ) {
    self.api = api
    self.findings = findings
    self.expectedMembers = expectedMembers
    self.shape = shape
  }
}
