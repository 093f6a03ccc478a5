/// What is wrong with an `Authorization` header that names SDK-HMAC-SHA256.
public enum MalformedAuthorizationReason: Hashable, Sendable, CustomStringConvertible {
  /// The header is empty or blank.
  case empty
  /// The algorithm is not followed by any parameter.
  case missingParameters
  /// A comma-separated part is not `name=value` (or its value holds blanks); the part.
  case malformedParameter(String)
  /// A parameter other than `Access`, `SignedHeaders` and `Signature`; its name.
  case unknownParameter(String)
  /// A parameter given twice; its name.
  case duplicateParameter(String)
  /// A required parameter is absent; its name.
  case missingParameter(String)
  /// A parameter with an empty value; its name.
  case emptyParameter(String)
  /// A signed header name that is empty, not a valid header name or not lowercase.
  case invalidSignedHeaderName(String)
  /// A signed header name listed twice.
  case duplicateSignedHeader(String)
  /// The signed header names are not in ascending order.
  case unsortedSignedHeaders
  /// The signature is not 64 lowercase hexadecimal digits.
  case invalidSignature

  /// What is wrong, in a phrase.
  public var description: String {
    switch self {
    case .empty: "the header is empty"
    case .missingParameters: "no parameters follow the algorithm"
    case .malformedParameter(let part): "\(LogText.quoted(part)) is not name=value"
    case .unknownParameter(let name): "unknown parameter \(LogText.quoted(name))"
    case .duplicateParameter(let name): "parameter \(name) is given twice"
    case .missingParameter(let name): "parameter \(name) is missing"
    case .emptyParameter(let name): "parameter \(name) is empty"
    case .invalidSignedHeaderName(let name):
      "SignedHeaders holds \(LogText.quoted(name)), not a lowercase header name"
    case .duplicateSignedHeader(let name): "SignedHeaders lists \(name) twice"
    case .unsortedSignedHeaders: "SignedHeaders are not sorted"
    case .invalidSignature: "Signature is not 64 lowercase hexadecimal digits"
    }
  }
}
