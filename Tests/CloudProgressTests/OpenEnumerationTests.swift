import CloudProgress
import Foundation
import Testing

/// Runs a check against one open enumeration type, so that one parameterized test covers all.
struct EnumerationCase: Sendable, CustomStringConvertible {
  var description: String
  var roundTripsDocumentedCases: @Sendable () throws -> Bool
  var keepsUnknown: @Sendable (String) throws -> String

  init<Enumeration: OpenEnumeration>(_ type: Enumeration.Type) {
    self.description = "\(type)"
    self.roundTripsDocumentedCases = {
      try Enumeration.documentedCases.allSatisfy { entry in
        let wire = try encodedField(entry.wireValue)
        let decoded = try decodeField(Enumeration.self, wire)
        let reencoded = try encodedField(entry.value)
        return decoded == entry.value && decoded?.isDocumented == true && reencoded == wire
      }
    }
    self.keepsUnknown = { wire in
      let decoded = try #require(try decodeField(Enumeration.self, wire))
      #expect(!decoded.isDocumented)
      #expect(decoded == .unknown(decoded.wireValue))
      return try encodedField(decoded)
    }
  }
}

@Suite("Open enumerations")
struct OpenEnumerationTests {
  static let all: [EnumerationCase] = [
    .init(PerfTestProcessStatus.self), .init(PerfTestImportStatus.self),
    .init(InsightImportStatus.self), .init(InsightImportType.self), .init(QualityTaskStatus.self),
    .init(QualityAction.self), .init(QualityFileStatus.self), .init(QualityResourceType.self),
    .init(DRSProcessStatus.self), .init(CheckTaskStatus.self), .init(CheckProgressInfo.self),
  ]

  @Test("every documented case decodes from its wire value and encodes back", arguments: all)
  func documentedCasesRoundTrip(_ enumeration: EnumerationCase) throws {
    #expect(try enumeration.roundTripsDocumentedCases())
  }

  @Test(
    "unknown values of every raw type round-trip verbatim",
    arguments: all,
    [
      "\"PAUSED\"", "\"success \"", "\"Success\"", "\"\"", "\"1\"", "7", "-2", "2.5",
      "9223372036854776000", "true",
    ])
  func unknownValuesRoundTrip(_ enumeration: EnumerationCase, wire: String) throws {
    #expect(try enumeration.keepsUnknown(wire) == wire)
  }

  @Test("integer enumerations: known by number, the same digits in a string are unknown")
  func integerEnumerations() throws {
    #expect(try decodeField(CheckTaskStatus.self, "2") == .succeeded)
    #expect(try decodeField(CheckTaskStatus.self, "\"2\"") == .unknown("2"))
    #expect(try decodeField(InsightImportStatus.self, "-1") == .notActivated)
    #expect(try decodeField(CheckTaskStatus.self, "4") == .unknown(4))
    #expect(try encodedField(CheckTaskStatus.unknown(4)) == "4")
  }

  @Test("string enumerations: exact spelling only; other spellings and numbers are unknown")
  func stringEnumerations() throws {
    #expect(try decodeField(QualityTaskStatus.self, "\"SUCCESS\"") == .succeeded)
    #expect(try decodeField(QualityTaskStatus.self, "\"success\"") == .unknown("success"))
    #expect(try decodeField(QualityAction.self, "\"IMPORT\"") == .unknown("IMPORT"))
    #expect(try decodeField(InsightImportType.self, "\"crossSpaceImport\"") == .crossSpace)
    #expect(try decodeField(QualityTaskStatus.self, "1") == .unknown(1))
  }

  @Test("null is an absent value; arrays and objects are errors naming the path")
  func nullAndContainers() throws {
    #expect(try decodeField(CheckTaskStatus.self, "null") == nil)
    for wire in ["[0]", "{\"code\": 0}"] {
      let error = #expect(throws: DecodingError.self) {
        try decodeField(CheckTaskStatus.self, wire)
      }
      #expect(pointerTokens(of: error) == ["value"])
    }
  }
}
