/// Why a recording was not written: always names the file and where.
public struct RecordingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Problem: Hashable, Sendable {
    /// The bytes about to be written still hold secrets; nothing was written.
    case secretsFound([SecretScanner.Hit])
    /// The file could not be written.
    case inputOutput(String)
    /// A request cannot be recorded faithfully (such as an `upload(for:from:)` body, which a
    /// URLProtocol cannot see).
    case unrecordable(String)
  }

  /// The cassette file concerned.
  public var file: String
  /// What went wrong.
  public var problem: Problem

  /// Creates an error.
  public init(file: String, problem: Problem) {
    self.file = file
    self.problem = problem
  }

  /// `cassettes/x.json: refused to write: 2 secrets survived redaction: at ...: ...`.
  public var description: String {
    switch problem {
    case .secretsFound(let hits):
      "\(file): refused to write: \(hits.count) secret\(hits.count == 1 ? "" : "s") survived "
        + "redaction (add a rule to the Redactor): "
        + hits.map(\.description).joined(separator: "; ")
    case .inputOutput(let reason): "\(file): \(reason)"
    case .unrecordable(let reason): "\(file): cannot record: \(reason)"
    }
  }
}
