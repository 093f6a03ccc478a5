import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension URLError {
  /// The `userInfo` key of ``partialBody``.
  public static let partialBodyKey = "TapePartialBody"
  /// The `userInfo` key of ``partialResponse``.
  public static let partialResponseKey = "TapePartialResponse"

  /// The bytes of the body that arrived before the connection was lost, when Tape's
  /// ``FaultOverlay/truncatedBody(to:)`` cut it; nil otherwise.
  public var partialBody: Data? { userInfo[Self.partialBodyKey] as? Data }

  /// The response head that arrived before the connection was lost, when Tape's
  /// ``FaultOverlay/truncatedBody(to:)`` cut it; nil otherwise.
  public var partialResponse: HTTPURLResponse? {
    userInfo[Self.partialResponseKey] as? HTTPURLResponse
  }
}
