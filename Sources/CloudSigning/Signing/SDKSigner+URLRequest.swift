import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension SDKSigner {
  /// Signs a `URLRequest` in place, as it would be sent at `date`: sets `X-Sdk-Date`,
  /// `Authorization` and, for temporary credentials, `X-Security-Token`.
  ///
  /// The host signed is the request's `Host` header when it sets one, else the URL's host
  /// (with its port when it is not the scheme's default), which is what the URL loading
  /// system sends; the request gets no explicit `Host` header.
  public func sign(_ request: inout URLRequest, at date: Date) throws(SDKSigningError) {
    let signature = try signature(for: SignableRequest(request), at: date)
    for field in signature.headerFields {
      request.setValue(field.value, forHTTPHeaderField: field.name)
    }
    if credentials.securityToken == nil {
      request.setValue(nil, forHTTPHeaderField: SDKSigningAlgorithm.securityTokenHeaderName)
    }
  }
}
