import SystemInterface

/// The text of an `errno` value.
enum SystemError {
  /// `strerror(3)`'s message for `code`.
  static func message(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard strerror_r(code, &buffer, buffer.count) == 0 else { return "error \(code)" }
    return NumericAddress.terminatedString(buffer)
  }
}
