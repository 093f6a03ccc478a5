import CloudProgressClient
import Foundation

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), written by arithmetic (a `DateFormatter`
/// per answer would cost more than the rest of the answer).
enum HTTPDate {
  private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `date`, to the second (rounded down).
  static func format(_ date: Date) -> String {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = seconds - day * 86_400
    // Civil from days (Howard Hinnant's algorithm).
    let shifted = day + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    let weekday = days[Int(((day % 7) + 7) % 7)]
    return "\(weekday), \(two(dayOfMonth)) \(months[Int(month - 1)]) \(year) "
      + "\(two(time / 3600)):\(two(time % 3600 / 60)):\(two(time % 60)) GMT"
  }

  private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// The wait a `Retry-After` value asks for, for an answer received at `answeredAt`: the
/// client's own reading (``RetryAfter``), so the judge and the poller agree on it.
func retryAfterWait(_ value: String?, answeredAt: Date) -> Duration? {
  RetryAfter.parse(value, now: answeredAt)
}
