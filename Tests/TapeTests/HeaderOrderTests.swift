import Testing

@testable import Tape

/// ``HeaderFields/canonicallySorted`` leaves fields already in order as they are, told
/// without lower-cased copies: the same order as sorting them.
@Suite("Canonical header order")
struct HeaderOrderTests {
  /// The order by a stable sort on lower-cased names, as it always was.
  static func sorted(_ fields: [HeaderFields.Field]) -> [HeaderFields.Field] {
    fields.enumerated().sorted {
      let (left, right) = ($0.element.name.lowercased(), $1.element.name.lowercased())
      return left == right ? $0.offset < $1.offset : left < right
    }.map(\.element)
  }

  @Test(
    "fields in or out of order come out as a stable sort by lower-cased name puts them",
    arguments: [
      ["Content-Length", "Content-Type", "Date", "X-Request-Id"],
      ["content-type", "Content-Length"],
      ["Content-Type", "content-type", "CONTENT-TYPE"],
      ["Set-Cookie", "Set-Cookie", "set-cookie"],
      ["Content-Type", "Content"],
      ["Content", "Content-Type"],
      ["X-B", "x-a"],
      ["A_b", "a-b", "A[b"],
      ["Ünicode", "Accept"],
      ["Accept", "Ünicode", "Zed"],
      ["Accept", "accept-ü", "accept-z"],
      ["Accept", "accept-z", "accept-ü"],
      ["Date"],
      [],
    ])
  func sameOrder(names: [String]) {
    let fields = names.enumerated().map { HeaderFields.Field($0.element, "v\($0.offset)") }
    #expect(HeaderFields(fields).canonicallySorted.fields == Self.sorted(fields))
  }
}
