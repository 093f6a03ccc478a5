/// What a DataArts Quality task imports or exports (`resource_type`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum QualityResourceType: OpenEnumeration {
  /// Rule templates.
  case ruleTemplate
  /// Quality jobs.
  case qualityTask
  /// Comparison jobs.
  case consistencyTask
  /// Instance results.
  case instanceResult
  /// Reports.
  case report
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.ruleTemplate, "RULE_TEMPLATE"),
    (.qualityTask, "QUALITY_TASK"),
    (.consistencyTask, "CONSISTENCY_TASK"),
    (.instanceResult, "INSTANCE_RESULT"),
    (.report, "REPORT"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
