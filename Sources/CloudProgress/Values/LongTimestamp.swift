import Foundation

/// A `Long` epoch timestamp in milliseconds, hardened against what the services really send.
///
/// Accepts any JSON number (including values beyond `Int64`, such as the documented
/// `9223372036854776000`, negative and fractional ones) and numeric strings; other strings
/// and booleans are kept too. The wire value is kept and encoded back with the same digits
/// (see ``WireNumber`` for the precision `JSONDecoder` allows). ``milliseconds`` and
/// ``date`` are set only when the value is an integer that makes sense as an instant.
public struct LongTimestamp: WireScalarRepresentable, CustomStringConvertible {
  /// The furthest instant `date` represents: ±8.64e15 ms, 100 million days either side of
  /// 1970 (the range of ECMAScript dates).
  public static let representableMilliseconds: ClosedRange<Int64> =
    -8_640_000_000_000_000...8_640_000_000_000_000

  /// The value exactly as it arrived.
  public let wireValue: WireScalar

  /// Interprets a wire value.
  public init(wireValue: WireScalar) {
    self.wireValue = wireValue
  }

  /// Creates a timestamp for an instant, in whole milliseconds.
  public init(milliseconds: Int64) {
    self.wireValue = .number(WireNumber(milliseconds))
  }

  /// The value as whole milliseconds, when it is an integer in the range of `Int64`.
  public var milliseconds: Int64? {
    switch wireValue {
    case .number(let number): number.int64Value
    case .string(let text): JSONNumberGrammar.isInteger(text) ? Int64(text) : nil
    case .bool: nil
    }
  }

  /// The instant, when ``milliseconds`` is within ``representableMilliseconds``.
  public var date: Date? {
    guard let milliseconds, Self.representableMilliseconds.contains(milliseconds) else {
      return nil
    }
    return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// The ISO 8601 instant with the wire value, or the wire value marked not an instant.
  public var description: String {
    guard let date else { return "\(wireValue) (not a representable instant)" }
    return "\(date.formatted(.iso8601)) (\(wireValue))"
  }
}
