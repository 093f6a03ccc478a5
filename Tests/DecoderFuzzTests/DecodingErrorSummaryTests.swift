import DecoderFuzz
import Foundation
import Testing

@Suite("DecodingErrorSummary")
struct DecodingErrorSummaryTests {
  struct Item: Decodable { var id: Int }
  struct Page: Decodable { var items: [Item] }

  func summary(of json: String) throws -> DecodingErrorSummary {
    do {
      _ = try JSONDecoder().decode(Page.self, from: Data(json.utf8))
    } catch {
      return DecodingErrorSummary(error)
    }
    throw CancellationError()
  }

  @Test("the pointer names the index; the pattern, which signs a behaviour, does not")
  func pattern() throws {
    let wrongType = try summary(of: #"{"items":[{"id":1},{"id":1},{"id":"x"}]}"#)
    #expect(wrongType.kind == "typeMismatch")
    #expect(wrongType.pointer.description == "/items/2/id")
    #expect(wrongType.pattern == "/items/*/id")
    let missing = try summary(of: #"{"items":[{}]}"#)
    #expect(missing.kind == "keyNotFound")
    #expect(missing.pointer.description == "/items/0")
    #expect(missing.pattern == "/items/*")
  }
}
