/// A progress ratio as the services send it: `"50%"`, `"50"`, `"50.5%"` or a bare number.
///
/// The wire value is always kept. ``value`` is the parsed percentage, nil when the text is
/// not a plain decimal number with an optional `%` (`"1,000"`, `"NaN"`, `"half"`). Values
/// outside 0...100 are kept as they are and flagged by ``isWithinRange``; nothing is
/// clamped. A JSON `null` ratio decodes as a nil `Percentage?`.
public struct Percentage: WireScalarRepresentable, CustomStringConvertible {
  /// The ratio exactly as it arrived.
  public let wireValue: WireScalar
  /// The parsed percentage (`50.5` for `"50.5%"`), or nil when it cannot be parsed.
  public let value: Double?

  /// Interprets a wire value.
  public init(wireValue: WireScalar) {
    self.wireValue = wireValue
    switch wireValue {
    case .string(let text): self.value = Self.parse(text)
    case .number(let number): self.value = number.doubleValue.flatMap { $0.isFinite ? $0 : nil }
    case .bool: self.value = nil
    }
  }

  /// Whether the value was parsed and lies in 0...100.
  public var isWithinRange: Bool {
    value.map { (0...100).contains($0) } ?? false
  }

  /// The value when it is usable as a progress percentage (parsed and within 0...100).
  public var percentWithinRange: Double? {
    isWithinRange ? value : nil
  }

  /// `50.0% ("50%")`, or the raw value with a flag when it is unparsable or out of range.
  public var description: String {
    guard let value else { return "unparsable \(wireValue)" }
    let flag = isWithinRange ? "" : " out of range"
    return "\(value)%\(flag) (\(wireValue))"
  }

  /// Parses `[-]digits[.digits][%]` (also `5.` and `.5`), surrounding spaces allowed.
  private static func parse(_ text: String) -> Double? {
    var body = trimmed(Substring(text))
    if body.hasSuffix("%") { body = trimmed(body.dropLast()) }
    let unsigned = body.hasPrefix("-") ? body.dropFirst() : body
    let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.contains(where: { !$0.isEmpty }),
      parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } })
    else { return nil }
    return Double(body)
  }

  private static func trimmed(_ text: Substring) -> Substring {
    var text = text
    while text.first == " " || text.first == "\t" { text = text.dropFirst() }
    while text.last == " " || text.last == "\t" { text = text.dropLast() }
    return text
  }
}
