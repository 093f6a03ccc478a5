/// What to do about recorded interactions a test never requested.
public enum UnusedInteractionPolicy: Hashable, Sendable {
  /// Report them as a warning issue (the default): visible, not failing.
  case warn
  /// Report them as a failing issue.
  case fail
  /// Say nothing.
  case ignore
}
