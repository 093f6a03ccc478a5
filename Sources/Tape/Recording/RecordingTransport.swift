import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An ``HTTPTransport`` that sends every request through another transport and records the
/// exchange into a ``CassetteRecorder`` (redacted as it is kept), like go-vcr's recorder
/// around a `RoundTripper`.
public struct RecordingTransport: HTTPTransport {
  /// The transport that really sends (a `URLSession`, another test double).
  public let upstream: any HTTPTransport
  /// Where the exchanges go.
  public let recorder: CassetteRecorder

  /// What recording sends through when no upstream is given: a ``SameOriginTransport``
  /// (a redirect to another origin is not followed, so credentials never reach it; the
  /// redirect is recorded as the answer) with no URL cache and up to 64 connections a host.
  public static let defaultUpstream: SameOriginTransport = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    return SameOriginTransport(configuration: configuration)
  }()

  /// Creates a transport recording what `upstream` answers.
  public init(upstream: any HTTPTransport, recorder: CassetteRecorder) {
    self.upstream = upstream
    self.recorder = recorder
  }

  /// Sends the request upstream, records the exchange, and returns the answer unchanged.
  /// A request that fails without an answer is not recorded; its error is passed on.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let (slot, offset) = recorder.begin()
    let (body, response) = try await upstream.send(request)
    recorder.complete(slot: slot, request: request, response: response, body: body, offset: offset)
    return (body, response)
  }
}
