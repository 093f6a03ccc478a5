import Tape

extension CassettePlayer {
  /// The player of the running test's cassette, set by the ``CassetteTrait``.
  @TaskLocal public static var current: CassettePlayer?
}
