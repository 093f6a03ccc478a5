import CloudSigning
import Foundation
import SeededRandom
import Testing

@Suite("X-Sdk-Date timestamps")
struct SDKTimestampTests {
  @Test(
    "known times format and parse both ways",
    arguments: [
      ("20191115T033655Z", Int64(1_573_789_015)),
      ("19700101T000000Z", 0),
      ("19691231T235959Z", -1),
      ("20000229T000000Z", 951_782_400),
      ("21000301T000000Z", 4_107_542_400),
      ("99991231T235959Z", 253_402_300_799),
      ("00000101T000000Z", -62_167_219_200),
    ])
  func knownTimes(text: String, seconds: Int64) throws {
    let parsed = try #require(SDKTimestamp(text))
    #expect(parsed.secondsSince1970 == seconds)
    #expect(SDKTimestamp(Date(timeIntervalSince1970: TimeInterval(seconds))).description == text)
  }

  @Test("a date is truncated to the whole second, before 1970 too")
  func truncation() {
    #expect(
      SDKTimestamp(Date(timeIntervalSince1970: 1_573_789_015.999)).description == "20191115T033655Z"
    )
    #expect(SDKTimestamp(Date(timeIntervalSince1970: -0.5)).description == "19691231T235959Z")
  }

  @Test("dates beyond the four-digit years are clamped, never trapping")
  func clamping() {
    #expect(SDKTimestamp(Date(timeIntervalSince1970: 1e18)).description == "99991231T235959Z")
    #expect(SDKTimestamp(Date(timeIntervalSince1970: -1e18)).description == "00000101T000000Z")
    #expect(SDKTimestamp(Date(timeIntervalSince1970: .infinity)).description == "99991231T235959Z")
    #expect(SDKTimestamp(Date(timeIntervalSince1970: .nan)).description == "19700101T000000Z")
  }

  @Test("formatting agrees with Foundation's Gregorian calendar on random dates")
  func agreesWithFoundation() {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    var generator = SplitMix64(seed: 1_915)
    for _ in 0..<500 {
      let seconds = Int64.random(in: -2_208_988_800...7_258_118_400, using: &generator)
      let date = Date(timeIntervalSince1970: TimeInterval(seconds))
      let timestamp = SDKTimestamp(date)
      #expect(timestamp.description == formatter.string(from: date))
      #expect(SDKTimestamp(timestamp.description)?.secondsSince1970 == seconds)
    }
  }

  @Test(
    "anything but YYYYMMDDTHHMMSSZ is refused",
    arguments: [
      "", "2019-11-15T03:36:55Z", "20191115T033655", "20191115t033655Z", "20191115T033655z",
      "20191115 033655Z", "20190229T000000Z", "19000229T000000Z", "20191315T033655Z",
      "20190015T033655Z", "20191100T033655Z", "20191131T033655Z", "20191115T240000Z",
      "20191115T036000Z", "20191115T033660Z", "+0191115T033655Z", "2019111５T033655Z",
      "20191115T033655Z ", "120191115T033655Z",
    ])
  func refused(text: String) {
    #expect(SDKTimestamp(text) == nil)
  }
}
