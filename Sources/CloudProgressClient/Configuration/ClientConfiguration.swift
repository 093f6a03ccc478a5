import Foundation

/// What a ``ProgressClient`` needs besides its transport: endpoints, project and credentials.
public struct ClientConfiguration: Hashable, Sendable {
  /// Where requests go.
  public var endpoints: ServiceEndpoints
  /// The project id in the paths (and the token scope).
  public var projectID: String
  /// How requests are authenticated.
  public var credentials: CloudCredentials

  /// A configuration from its parts.
  public init(endpoints: ServiceEndpoints, projectID: String, credentials: CloudCredentials) {
    self.endpoints = endpoints
    self.projectID = projectID
    self.credentials = credentials
  }

  /// Reads the variables the official SDKs use (see ``EnvironmentVariable``).
  ///
  /// Credentials, first found wins: `HUAWEICLOUD_SDK_AK` + `HUAWEICLOUD_SDK_SK` (with
  /// `HUAWEICLOUD_SDK_SECURITY_TOKEN` for temporary keys), then `HUAWEICLOUD_SDK_AUTH_TOKEN`,
  /// then `HUAWEICLOUD_SDK_USERNAME` + `HUAWEICLOUD_SDK_PASSWORD` + `HUAWEICLOUD_SDK_DOMAIN`.
  /// Endpoints, first found wins: `endpoint`, `region`, `HUAWEICLOUD_SDK_ENDPOINT`,
  /// `HUAWEICLOUD_SDK_REGION`.
  /// Throws ``ProgressClientError/configuration(_:)`` naming every variable to set.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment,
    endpoint: URL? = nil, region: String? = nil
  ) throws(ProgressClientError) -> ClientConfiguration {
    func value(_ variable: EnvironmentVariable) -> String? {
      environment[variable.rawValue].flatMap { $0.isEmpty ? nil : $0 }
    }
    var missing: [String] = []
    let endpoints: ServiceEndpoints
    if let endpoint {
      endpoints = ServiceEndpoints(endpoint: endpoint)
    } else if let region {
      endpoints = ServiceEndpoints(region: region)
    } else if let url = value(.endpoint).flatMap(URL.init(string:)) {
      endpoints = ServiceEndpoints(endpoint: url)
    } else if let region = value(.region) {
      endpoints = ServiceEndpoints(region: region)
    } else {
      endpoints = ServiceEndpoints(region: "")
      missing.append(
        "\(EnvironmentVariable.region.rawValue) (or \(EnvironmentVariable.endpoint.rawValue))")
    }
    let project = value(.projectID)
    if project == nil { missing.append(EnvironmentVariable.projectID.rawValue) }
    let credentials: CloudCredentials?
    if let ak = value(.accessKey), let sk = value(.secretKey) {
      credentials = .accessKey(
        id: Secret(ak), secret: Secret(sk), securityToken: value(.securityToken).map(Secret.init))
    } else if let token = value(.authToken) {
      credentials = .token(Secret(token))
    } else if let user = value(.userName), let password = value(.password),
      let domain = value(.domain)
    {
      credentials = .password(user: user, password: password, domain: domain)
    } else {
      credentials = nil
      missing.append(
        "\(EnvironmentVariable.accessKey.rawValue) and \(EnvironmentVariable.secretKey.rawValue)"
          + " (or \(EnvironmentVariable.authToken.rawValue))")
    }
    guard let project, let credentials, missing.isEmpty else {
      throw .configuration("set " + missing.joined(separator: ", "))
    }
    return ClientConfiguration(endpoints: endpoints, projectID: project, credentials: credentials)
  }
}

/// The environment variables ``ClientConfiguration/fromEnvironment(_:endpoint:region:)`` reads.
public enum EnvironmentVariable: String, CaseIterable, Sendable {
  /// The access key id (official SDK name).
  case accessKey = "HUAWEICLOUD_SDK_AK"
  /// The secret access key (official SDK name).
  case secretKey = "HUAWEICLOUD_SDK_SK"
  /// The security token of temporary keys (official SDK name).
  case securityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
  /// The project id (official SDK name).
  case projectID = "HUAWEICLOUD_SDK_PROJECT_ID"
  /// The region, such as `cn-north-4`.
  case region = "HUAWEICLOUD_SDK_REGION"
  /// One endpoint for every service (a gateway or a simulator).
  case endpoint = "HUAWEICLOUD_SDK_ENDPOINT"
  /// An IAM token (this project's choice: the official SDKs read no token variable).
  case authToken = "HUAWEICLOUD_SDK_AUTH_TOKEN"
  /// An IAM user name, for password tokens.
  case userName = "HUAWEICLOUD_SDK_USERNAME"
  /// That user's password.
  case password = "HUAWEICLOUD_SDK_PASSWORD"
  /// The account (domain) name of that user.
  case domain = "HUAWEICLOUD_SDK_DOMAIN"
}
