import Foundation
import HTTPTransportCore
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// How Tape's commands reach a real upstream: plain sockets (``PlainHTTPTransport``) for an
/// `http://` stand-in such as the simulator, URLSession and its TLS (`SameOriginTransport`)
/// for `https://`, the cloud. Neither follows a redirect to another origin; both read an
/// answer's body up to 64 MiB and fail past it. Cancelling a request over plain sockets
/// shuts its connection at once, even one an upstream keeps busy with an endless body
/// (URLSession on Linux stops only once its read loop lets the cancel through).
///
/// As a client's transport (``decodesContent``) the plain path behaves as URLSession does:
/// it asks for `gzip, deflate` and hands over the decoded body, the headers as they came.
public struct DirectTransport: HTTPTransport {
  /// The transport for `http://` URLs.
  public let plain: PlainHTTPTransport
  /// The transport for every other URL.
  public let secure: SameOriginTransport
  /// Whether an `http://` answer in gzip or deflate is decoded (a client's view); a proxy,
  /// which passes bytes on as they came, says no.
  public let decodesContent: Bool

  /// A transport over `plain` for `http://` URLs and `secure` for the rest.
  public init(
    plain: PlainHTTPTransport = PlainHTTPTransport(), secure: SameOriginTransport = .shared,
    decodesContent: Bool = true
  ) {
    self.plain = plain
    self.secure = secure
    self.decodesContent = decodesContent
  }

  /// Sends `request` through the transport for its URL's scheme.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    guard request.url?.scheme?.lowercased() == "http" else {
      return try await secure.send(request)
    }
    guard decodesContent else { return try await plain.send(request) }
    var asked = request
    if asked.value(forHTTPHeaderField: "Accept-Encoding") == nil {
      asked.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
    }
    let (body, response) = try await plain.send(asked)
    guard let coding = response.value(forHTTPHeaderField: "Content-Encoding") else {
      return (body, response)
    }
    switch ContentDecoding.decode(body, coding: coding, limit: plain.limits.maxBodyBytes) {
    case .decoded(let decoded):
      return (decoded, response)
    case .notEncoded:
      return (body, response)
    case .undecodable(let error):
      throw URLError(
        .cannotDecodeContentData,
        userInfo: [
          NSLocalizedDescriptionKey: "the answer's \(coding) body does not decode: \(error)",
          NSURLErrorFailingURLErrorKey: request.url as Any,
        ])
    }
  }
}
