import SystemInterface

/// The current `Date` header value, formatted at most once per second per connection.
struct DateHeaderCache {
  private var second = -1
  private var value = ""

  /// The IMF-fixdate of the current second.
  mutating func current() -> String {
    let now = Int(time(nil))
    if now != second {
      second = now
      value = HTTPDate.format(secondsSince1970: now)
    }
    return value
  }
}
