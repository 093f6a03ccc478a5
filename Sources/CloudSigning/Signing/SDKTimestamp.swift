import Foundation

/// The `X-Sdk-Date` value: a UTC time to the second, written `YYYYMMDDTHHMMSSZ`.
///
/// Parsing is strict: exactly sixteen characters, digits where digits belong, a real calendar
/// date (leap years included) and a time within 00:00:00...23:59:59. Years 0000...9999 only.
public struct SDKTimestamp: Hashable, Sendable, LosslessStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let secondsSince1970: Int64

  /// The earliest time the format can write: 0000-01-01T00:00:00Z.
  private static let earliestSeconds: Int64 = -62_167_219_200
  /// The latest time the format can write: 9999-12-31T23:59:59Z.
  private static let latestSeconds: Int64 = 253_402_300_799

  /// The timestamp of `date`, truncated to the whole second.
  ///
  /// A date outside years 0000...9999 (or not finite) is clamped into that range.
  public init(_ date: Date) {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    if seconds.isNaN {
      secondsSince1970 = 0
    } else if seconds <= Double(Self.earliestSeconds) {
      secondsSince1970 = Self.earliestSeconds
    } else if seconds >= Double(Self.latestSeconds) {
      secondsSince1970 = Self.latestSeconds
    } else {
      secondsSince1970 = Int64(seconds)
    }
  }

  /// Parses a `YYYYMMDDTHHMMSSZ` value; nil when it is not exactly that.
  public init?(_ description: String) {
    let bytes = Array(description.utf8)
    guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int64? {
      var value: Int64 = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
      let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
      (1...12).contains(month), (1...Self.dayCount(year: year, month: month)).contains(day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    let days = Self.daysSince1970(year: year, month: month, day: day)
    secondsSince1970 = days * 86_400 + hour * 3_600 + minute * 60 + second
  }

  /// The time as a `Date`.
  public var date: Date {
    Date(timeIntervalSince1970: TimeInterval(secondsSince1970))
  }

  /// The `YYYYMMDDTHHMMSSZ` form.
  public var description: String {
    let days = Self.floorDivide(secondsSince1970, 86_400)
    let secondOfDay = secondsSince1970 - days * 86_400
    let (year, month, day) = Self.civilDate(daysSince1970: days)
    func digits(_ value: Int64, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return digits(year, 4) + digits(month, 2) + digits(day, 2) + "T"
      + digits(secondOfDay / 3_600, 2) + digits(secondOfDay / 60 % 60, 2)
      + digits(secondOfDay % 60, 2) + "Z"
  }

  private static func isLeapYear(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  private static func dayCount(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func floorDivide(_ dividend: Int64, _ divisor: Int64) -> Int64 {
    let quotient = dividend / divisor
    return dividend % divisor < 0 ? quotient - 1 : quotient
  }

  /// Days from 1970-01-01 to a proleptic Gregorian date, counting years from March so that
  /// the leap day falls last; 400-year eras hold 146 097 days.
  private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
    let marchYear = month <= 2 ? year - 1 : year
    let era = floorDivide(marchYear, 400)
    let yearOfEra = marchYear - era * 400
    let monthFromMarch = month <= 2 ? month + 9 : month - 3
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The inverse of ``daysSince1970(year:month:day:)``.
  private static func civilDate(daysSince1970 days: Int64) -> (Int64, Int64, Int64) {
    let shifted = days + 719_468
    let era = floorDivide(shifted, 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}
