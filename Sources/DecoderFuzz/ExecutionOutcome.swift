/// The kinds of finding the oracles report.
public enum FindingClass: String, CaseIterable, Hashable, Sendable, Codable {
  /// The target trapped (a signal): a crash in the app.
  case trap
  /// A payload the documentation allows was rejected.
  case documentedRejected = "documented-rejected"
  /// Decode, encode, decode did not give the same model back.
  case unstableRoundTrip = "unstable-round-trip"
  /// A model broke a promise of its own (for example `CloudError` made an empty message).
  case invariantBroken = "invariant-broken"
  /// A field the progress does not depend on rejected the answer: its progress fields alone
  /// decode, or the same cosmetic value rejects a documented answer of a polling sequence.
  case cosmeticRejected = "cosmetic-rejected"
  /// A field the progress does not depend on moved the phase or the percent.
  case cosmeticChangedProgress = "cosmetic-changed-progress"
  /// Within a polling sequence a terminal phase went back, or the percent went down
  /// without the answer saying why.
  case sequenceBroken = "sequence-broken"
  /// The input took longer than the time budget.
  case slow
  /// The input did not finish at all; the worker was killed.
  case hang
}

/// What an oracle found, with the decoding path where there is one.
public struct FindingReport: Hashable, Sendable, CustomStringConvertible {
  /// The kind of finding.
  public var findingClass: FindingClass
  /// The JSON pointer of the `DecodingError`, when there is one.
  public var path: String?
  /// What happened, for people.
  public var detail: String

  /// Creates a report.
  public init(_ findingClass: FindingClass, path: String? = nil, detail: String) {
    self.findingClass = findingClass
    self.path = path
    self.detail = detail
  }

  /// The path with array indices written `*` (`/json/details/*`): one finding at many
  /// indices is one finding, and the minimizer may move it to index 0.
  public var pathPattern: String? { path.map(PathPattern.of) }

  /// `documented-rejected at /status: ...`.
  public var description: String {
    "\(findingClass.rawValue)\(path.map { " at \($0.isEmpty ? "(root)" : $0)" } ?? ""): \(detail)"
  }
}

/// The result of running one input through a target and its oracles.
public enum ExecutionOutcome: Hashable, Sendable, CustomStringConvertible {
  /// Decoded, and every oracle held; the signature summarizes the behaviour (for example
  /// the phase), so that inputs with new behaviour join the corpus.
  case accepted(signature: String)
  /// Rejected as it should be (not JSON, wrong types): not a finding.
  case rejected(signature: String)
  /// An oracle failed.
  case finding(FindingReport)

  /// The finding, when this is one.
  public var finding: FindingReport? {
    if case .finding(let report) = self { report } else { nil }
  }

  /// The behaviour signature (the finding's class and path for findings).
  public var signature: String {
    switch self {
    case .accepted(let signature): "accepted \(signature)"
    case .rejected(let signature): "rejected \(signature)"
    case .finding(let report): "finding \(report.findingClass.rawValue) \(report.path ?? "")"
    }
  }

  /// One line for people.
  public var description: String {
    switch self {
    case .accepted(let signature): "accepted (\(signature))"
    case .rejected(let signature): "rejected (\(signature))"
    case .finding(let report): "finding: \(report)"
    }
  }
}
