/// What kind of difference between the recorded answers and the models a ``DriftFinding``
/// names. The cases are listed, and sorted, in the order a report shows them.
public enum DriftKind: String, Hashable, Sendable, CaseIterable, Comparable {
  /// A member the models do not know; the detail is the JSON type it came as.
  case unknownMember = "member the models do not know"
  /// A documented member that came in none of the answers whose parent came; the detail is
  /// its documented type.
  case missingMember = "documented member that never came"
  /// A value of an enumerated field the documentation does not list; the detail is the
  /// value (only ever the value of a known enumerated field).
  case undocumentedValue = "undocumented value"
  /// A field that came as another type than documented; the detail names the documented
  /// type and the JSON type that came, never the value.
  case wireAnomaly = "wire anomaly"
  /// An answer the models could not read; the detail says why, by kind and JSON type.
  case undecodable = "answer that did not decode"

  /// In the order the cases are declared.
  public static func < (left: DriftKind, right: DriftKind) -> Bool {
    allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
  }
}
