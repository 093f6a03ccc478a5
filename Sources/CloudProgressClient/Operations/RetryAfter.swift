import Foundation

/// Reads a `Retry-After` header: delay seconds, or an HTTP date. The one reading, for the
/// client that honours it and the polling fuzzer that judges whether a poller did.
package enum RetryAfter {
  /// The wait it asks for at `now`, to the millisecond rounded up (never sooner than the
  /// date); nil when absent or unreadable, zero for a past date.
  package static func parse(_ value: String?, now: Date) -> Duration? {
    guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    if let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    return .milliseconds(Int((max(0, date.timeIntervalSince(now)) * 1000).rounded(.up)))
  }
}
