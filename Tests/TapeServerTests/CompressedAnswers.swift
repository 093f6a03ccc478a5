import Foundation

/// A token answer, and the same compressed by Python's zlib and gzip modules at level 6 (as
/// in TapeTests' `InflateFixtures`): what an upstream that compresses answers.
enum CompressedAnswers {
  static let token = Data(
    #"{"access_token":"MIIZgzipLiveToken0123456789abcdef","expires_in":3600,"task":{"status":"SUCCESS","progress":100}}"#
      .utf8)

  /// `gzip.compress(token, 6, mtime=0)`.
  static let gzip = base64(
    """
    H4sIAAAAAAAAA6tWSkxOTi0uji/Jz07NU7JS8vX0jEqvyizwySxLDQGJGRgaGZuYmplbWCYmJaekpinpKKVWFGQWpRbH
    ZwI1GJsZGOgolSQWZytZVSsVlySWlBYDjQkOdXZ2DQ4GKi4oyk8HKgYKGhoY1NYCAN6P365xAAAA
    """)

  /// `zlib.compress(token, 6)`.
  static let zlib = base64(
    """
    eJyrVkpMTk4tLo4vyc9OzVOyUvL19IxKr8os8MksSw0BiRkYGhmbmJqZW1gmJiWnpKYp6SilVhRkFqUWx2cCNRibGRjo
    KJUkFmcrWVUrFZcklpQWA40JDnV2dg0OBiouKMpPByoGChoaGNTWAgBibiTA
    """)

  /// `zlib.compressobj(6, zlib.DEFLATED, -15)`: raw deflate, which some servers send as
  /// `deflate`.
  static let raw = base64(
    """
    q1ZKTE5OLS6OL8nPTs1TslLy9fSMSq/KLPDJLEsNAYkZGBoZm5iamVtYJiYlp6SmKekopVYUZBalFsdnAjUYmxkY6CiV
    JBZnK1lVKxWXJJaUFgONCQ51dnYNDgYqLijKTwcqBgoaGhjU1gIA
    """)

  private static func base64(_ text: String) -> Data {
    Data(base64Encoded: text, options: .ignoreUnknownCharacters) ?? Data()
  }
}
