/// One `name=value` item of a query string, percent-decoded.
///
/// `+` is kept as is, as `URLComponents` does (it means a space only in HTML forms). An item
/// whose escapes are malformed or decode to invalid UTF-8 keeps its raw text.
public struct HTTPQueryItem: Sendable, Hashable {
  /// The decoded name.
  public var name: String
  /// The decoded value: nil for an item without `=` (`?flag`), empty for `?flag=`.
  public var value: String?

  /// Creates an item.
  public init(name: String, value: String?) {
    self.name = name
    self.value = value
  }

  /// Splits a raw query (the text after `?`) at `&` and decodes each item; empty items
  /// (`a=1&&b=2`) are skipped.
  public static func parse(query: String) -> [HTTPQueryItem] {
    query.split(separator: "&", omittingEmptySubsequences: true).map { item in
      guard let equals = item.firstIndex(of: "=") else {
        return HTTPQueryItem(name: decode(item), value: nil)
      }
      return HTTPQueryItem(
        name: decode(item[..<equals]), value: decode(item[item.index(after: equals)...]))
    }
  }

  private static func decode(_ text: Substring) -> String {
    PercentDecoding.decode(text) ?? String(text)
  }
}
