import SystemInterface

/// Standard output and error, written with `write(2)`. A reader that went away (output
/// piped into `head`, which has exited) makes a write fail with `EPIPE`; `tape` ignores
/// SIGPIPE, so that it goes on and writes its cassette, and the text is dropped. (Foundation's
/// `FileHandle.write(_:)` traps on that error.)
public enum StandardStream {
  /// Writes `text` to standard output, control characters escaped (see
  /// `TerminalText.neutralized`); dropped if nobody reads it any more.
  public static func output(_ text: String) {
    write(TerminalText.neutralized(text), to: STDOUT_FILENO)
  }

  /// Writes `text` to standard error, control characters escaped; dropped if nobody reads
  /// it any more.
  public static func error(_ text: String) {
    write(TerminalText.neutralized(text), to: STDERR_FILENO)
  }

  /// Writes all of `text` to `descriptor`, or as much as it takes before an error.
  /// Async-signal-safe apart from the copy of `text`.
  static func write(_ text: String, to descriptor: Int32) {
    _ = SystemWrite.all(text, to: descriptor)
  }
}
