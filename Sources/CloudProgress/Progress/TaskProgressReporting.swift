import Foundation
import JSONTree

/// A response model of one of the five APIs that can say how far its task has got.
///
/// Decode answers with ``init(jsonData:)``: it never traps and reads numbers exactly. A bare
/// Foundation `JSONDecoder` also works, but on Linux it traps (SIGILL) on some truncated
/// documents nested deeper than 512 levels, and it reads numbers through `Decimal`, so a
/// status of `1.00000000000000000000000000000000000000001` would read as `1`.
public protocol TaskProgressReporting: Codable, Hashable, Sendable {
  /// The normalized progress snapshot of this response.
  var taskProgress: TaskProgress { get }
  /// Every value of this answer that does not match the documentation, kept as it came.
  var wireAnomalies: [WireAnomaly] { get }
}

extension TaskProgressReporting {
  /// Decodes an answer's body: the safe entry point.
  ///
  /// Parses with `JSONParser` (strict JSON, nesting bounded at 512, never a trap) and
  /// decodes with `JSONValueDecoder`, which keeps every number's lexeme. Throws a
  /// `DecodingError` with the path of the first value it cannot read; a body that is not
  /// JSON gives its line and column.
  public init(jsonData: Data) throws {
    self = try JSONValueDecoder().decode(Self.self, from: jsonData)
  }

  /// Decodes an answer from a tree `JSONParser` already built, as ``init(jsonData:)`` does
  /// after parsing: for a caller that parsed the body to look at it first, so that a large
  /// body is not parsed twice.
  public init(json document: JSONValue) throws {
    self = try JSONValueDecoder().decode(Self.self, from: document)
  }

  /// Encodes the answer as compact JSON, every value written back as it came.
  public func jsonData() throws -> Data {
    Data(try JSONValueEncoder().encodeBytes(self))
  }
}
