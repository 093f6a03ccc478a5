/// The `Authorization` header of SDK-HMAC-SHA256:
/// `SDK-HMAC-SHA256 Access={AK}, SignedHeaders={a;b;c}, Signature={hex}`.
///
/// Parsing tolerates spaces and tabs around the algorithm, the commas and the `=` signs, and
/// takes the three parameters in any order; it is strict on everything else: exactly these
/// three parameters, once each and non-empty, signed header names lowercase, sorted and
/// distinct, the signature 64 lowercase hexadecimal digits.
public struct SDKAuthorization: Hashable, Sendable {
  /// The access key (AK) that signed.
  public var accessKey: String
  /// The signed header names, lowercase and sorted.
  public var signedHeaders: [String]
  /// The lowercase hexadecimal signature.
  public var signature: String

  /// Creates a header from its parts.
  public init(accessKey: String, signedHeaders: [String], signature: String) {
    self.accessKey = accessKey
    self.signedHeaders = signedHeaders
    self.signature = signature
  }

  /// Parses an `Authorization` header value; throws
  /// ``SDKVerificationFailure/unsupportedAlgorithm(_:)`` when it names another scheme and
  /// ``SDKVerificationFailure/malformedAuthorization(_:)`` for anything else wrong.
  public init(parsing headerValue: String) throws(SDKVerificationFailure) {
    let text = Self.trimmingBlanks(headerValue[...])
    guard !text.isEmpty else { throw .malformedAuthorization(.empty) }
    let schemeEnd = text.firstIndex(where: Self.isBlank) ?? text.endIndex
    let scheme = text[..<schemeEnd]
    guard scheme == SDKSigningAlgorithm.name else { throw .unsupportedAlgorithm(String(scheme)) }
    let parameters = Self.trimmingBlanks(text[schemeEnd...])
    guard !parameters.isEmpty else { throw .malformedAuthorization(.missingParameters) }

    var values: [String: Substring] = [:]
    for part in parameters.split(separator: ",", omittingEmptySubsequences: false) {
      guard let equals = part.firstIndex(of: "=") else {
        throw .malformedAuthorization(.malformedParameter(String(Self.trimmingBlanks(part))))
      }
      let name = String(Self.trimmingBlanks(part[..<equals]))
      let value = Self.trimmingBlanks(part[part.index(after: equals)...])
      guard Self.parameterNames.contains(name) else {
        throw .malformedAuthorization(.unknownParameter(name))
      }
      guard values[name] == nil else { throw .malformedAuthorization(.duplicateParameter(name)) }
      guard !value.isEmpty else { throw .malformedAuthorization(.emptyParameter(name)) }
      guard !value.contains(where: Self.isBlank) else {
        throw .malformedAuthorization(.malformedParameter(String(Self.trimmingBlanks(part))))
      }
      values[name] = value
    }
    for name in Self.parameterNames where values[name] == nil {
      throw .malformedAuthorization(.missingParameter(name))
    }
    let signedHeaders = try Self.signedHeaderNames(values["SignedHeaders"] ?? "")
    let signature = values["Signature"] ?? ""
    guard signature.utf8.count == 64, signature.utf8.allSatisfy(Self.isLowercaseHexDigit) else {
      throw .malformedAuthorization(.invalidSignature)
    }
    self.init(
      accessKey: String(values["Access"] ?? ""), signedHeaders: signedHeaders,
      signature: String(signature))
  }

  /// The header value, as the signer sends it.
  public var headerValue: String {
    SDKSigningAlgorithm.name + " Access=" + accessKey + ", SignedHeaders="
      + signedHeaders.joined(separator: ";") + ", Signature=" + signature
  }

  private static let parameterNames = ["Access", "SignedHeaders", "Signature"]

  private static func signedHeaderNames(_ list: Substring) throws(SDKVerificationFailure)
    -> [String]
  {
    var names: [String] = []
    for piece in list.split(separator: ";", omittingEmptySubsequences: false) {
      let name = String(piece)
      guard HeaderName.isToken(name), HeaderName.lowercased(name) == name else {
        throw .malformedAuthorization(.invalidSignedHeaderName(name))
      }
      if let previous = names.last {
        guard previous != name else {
          throw .malformedAuthorization(.duplicateSignedHeader(name))
        }
        guard previous < name else { throw .malformedAuthorization(.unsortedSignedHeaders) }
      }
      names.append(name)
    }
    return names
  }

  /// `text` without leading and trailing spaces and tabs.
  private static func trimmingBlanks(_ text: Substring) -> Substring {
    guard let first = text.firstIndex(where: { !isBlank($0) }) else {
      return text[text.endIndex...]
    }
    let last = text.lastIndex(where: { !isBlank($0) }) ?? first
    return text[first...last]
  }

  private static func isBlank(_ character: Character) -> Bool {
    character == " " || character == "\t"
  }

  private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
  }
}
