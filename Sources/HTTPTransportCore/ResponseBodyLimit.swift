import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// How much of an answer's body a transport reads before it gives up on the request: an
/// upstream that sends an endless body costs at most this much memory, then the request
/// fails with `URLError(.dataLengthExceedsMaximum)`, saying the limit, and the connection is
/// dropped.
public enum ResponseBodyLimit {
  /// The default: 64 MiB, far above any progress answer.
  public static let defaultBytes = 64 << 20

  /// The error a request fails with once its answer's body passes `limit` bytes.
  public static func exceeded(_ limit: Int, url: URL?) -> URLError {
    var info: [String: Any] = [
      NSLocalizedDescriptionKey:
        "the answer's body is larger than \(limit) bytes (\(describe(limit))): the request "
        + "was cancelled"
    ]
    if let url { info[NSURLErrorFailingURLErrorKey] = url }
    return URLError(.dataLengthExceedsMaximum, userInfo: info)
  }

  /// `bytes` in the largest binary unit it is a whole number of.
  static func describe(_ bytes: Int) -> String {
    for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
    where bytes >= size && bytes % size == 0 {
      return "\(bytes / size) \(unit)"
    }
    return "\(bytes) bytes"
  }
}
