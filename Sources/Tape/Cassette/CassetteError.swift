import JSONTree

/// Why a cassette could not be named, read, written or played as configured: always says
/// which file and where.
public struct CassetteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Problem: Hashable, Sendable {
    /// The name is not a safe relative path.
    case invalidName(String)
    /// There is no such file.
    case missing
    /// The file could not be read or written.
    case inputOutput(String)
    /// The file is not JSON.
    case invalidJSON(JSONParseError)
    /// A value is missing, of the wrong type or out of range.
    case invalidValue(JSONPointer, String)
    /// The file was written by a newer Tape.
    case unsupportedFormatVersion(Int)
    /// A fault of the replay configuration names nothing in the cassette.
    case invalidFault(String)
    /// The file is larger than the most a command reads (`size` when known up front).
    case tooLarge(limit: Int, size: Int?)
  }

  /// The cassette file (or name) concerned.
  public var file: String
  /// What went wrong.
  public var problem: Problem

  /// Creates an error.
  public init(file: String, problem: Problem) {
    self.file = file
    self.problem = problem
  }

  /// `cassettes/x.json: at /interactions/0/response/status: expected an integer, found string`.
  public var description: String {
    switch problem {
    case .invalidName(let reason): "invalid cassette name '\(file)': \(reason)"
    case .missing: "\(file): no such cassette"
    case .inputOutput(let reason): "\(file): \(reason)"
    case .invalidJSON(let error): "\(file): not valid JSON: \(error)"
    case .invalidValue(let pointer, let reason): "\(file): at \(pointer.displayText): \(reason)"
    case .unsupportedFormatVersion(let version):
      "\(file): formatVersion \(version) is not supported by this Tape, which reads versions 1..."
        + "\(Cassette.currentFormatVersion); update Tape to replay it"
    case .invalidFault(let reason): "\(file): \(reason)"
    case .tooLarge(let limit, let size):
      "\(file): \(size.map { "\($0) bytes, " } ?? "")larger than the \(limit) bytes read at most"
    }
  }
}
