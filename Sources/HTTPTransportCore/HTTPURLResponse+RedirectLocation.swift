import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension HTTPURLResponse {
  /// Where this answer sends the client, when it is a 3xx with a `Location`: the location
  /// resolved against the answer's URL. Nil for any other answer, or a location that is not
  /// a URL.
  public var redirectLocation: URL? {
    guard (300..<400).contains(statusCode),
      let location = value(forHTTPHeaderField: "Location"), !location.isEmpty
    else { return nil }
    return URL(string: location, relativeTo: url)?.absoluteURL
  }
}
