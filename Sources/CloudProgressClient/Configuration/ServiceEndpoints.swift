import CloudProgress
import Foundation

/// Where the client sends each operation and the IAM token request.
///
/// For each service: its override, else the single ``endpoint`` (a simulator, a gateway or
/// a stand-in serving all five and IAM), else the region's host from the API's host
/// pattern (`drs.cn-north-4.myhuaweicloud.com`; EU regions use `myhuaweicloud.eu`).
public struct ServiceEndpoints: Hashable, Sendable {
  /// The region, such as `cn-north-4`.
  public var region: String?
  /// One base URL for every service and for IAM.
  public var endpoint: URL?
  /// Base URLs of single services, which win over everything else.
  public var overrides: [CloudAPI: URL]
  /// The IAM base URL; by default ``endpoint``, else `iam.{region}.myhuaweicloud.com`.
  public var identity: URL?

  /// Endpoints of a region, with optional per-service overrides.
  public init(region: String, overrides: [CloudAPI: URL] = [:], identity: URL? = nil) {
    self.region = region
    self.endpoint = nil
    self.overrides = overrides
    self.identity = identity
  }

  /// One endpoint for everything: a simulator or a stand-in.
  public init(endpoint: URL, overrides: [CloudAPI: URL] = [:]) {
    self.region = nil
    self.endpoint = endpoint
    self.overrides = overrides
    self.identity = nil
  }

  /// The base URL of `api`'s service.
  public func baseURL(for api: CloudAPI) throws(ProgressClientError) -> URL {
    if let url = overrides[api] ?? endpoint { return url }
    guard let region, let url = api.operation.baseURL(region: region) else {
      throw .configuration("no endpoint for \(api): set a region, an endpoint or an override")
    }
    return url
  }

  /// The base URL of IAM, for `POST /v3/auth/tokens`.
  public func identityURL() throws(ProgressClientError) -> URL {
    if let url = identity ?? endpoint { return url }
    guard let region else {
      throw .configuration("no IAM endpoint: set a region, an endpoint or an identity URL")
    }
    let domain = region.hasPrefix("eu-") ? "myhuaweicloud.eu" : "myhuaweicloud.com"
    guard let url = URL(string: "https://iam.\(region).\(domain)") else {
      throw .configuration("region '\(region)' does not form a host name")
    }
    return url
  }
}
