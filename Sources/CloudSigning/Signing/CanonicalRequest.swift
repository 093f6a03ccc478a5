/// The canonical form of a request that SDK-HMAC-SHA256 hashes and signs:
///
/// ```
/// METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n PayloadHash
/// ```
///
/// Each part is public, for tests and for debugging a signature that does not match. The
/// canonical headers hold the value of every signed header, `X-Security-Token` included:
/// keep the canonical request of temporary credentials out of logs.
public struct CanonicalRequest: Hashable, Sendable, CustomStringConvertible {
  /// The HTTP method, as sent.
  public let method: String
  /// The canonical URI: each path segment decoded then percent-encoded, ending with `/`.
  public let uri: String
  /// The canonical query: `key=value` pairs, encoded, sorted by key then value, joined by `&`.
  public let query: String
  /// The canonical headers: `name:value\n` for each signed header, in order.
  public let headers: String
  /// The signed header names: lowercase, sorted, without duplicates.
  public let signedHeaders: [String]
  /// The lowercase hexadecimal SHA-256 of the body.
  public let payloadHash: String

  /// Canonicalizes `request`, signing the headers named in `signedHeaders` (any case, any
  /// order); throws when a name is not a valid header name or not in the request.
  public init(_ request: SignableRequest, signedHeaders: [String]) throws(SDKSigningError) {
    var names: [String] = []
    for name in signedHeaders {
      guard HeaderName.isToken(name) else { throw .invalidHeaderName(name) }
      names.append(HeaderName.lowercased(name))
    }
    names = Array(Set(names)).sorted()
    var headers = ""
    for name in names {
      guard let value = request.value(forHeader: name) else { throw .missingHeader(name) }
      headers += name + ":" + value + "\n"
    }
    self.method = request.method
    self.uri = Self.canonicalURI(path: request.path)
    self.query = Self.canonicalQuery(request.query)
    self.headers = headers
    self.signedHeaders = names
    self.payloadHash = SHA256.hash(request.body).hex
  }

  /// The `SignedHeaders` line: the names joined by `;`.
  public var signedHeadersLine: String {
    signedHeaders.joined(separator: ";")
  }

  /// The full canonical request text, the six parts joined by line feeds.
  public var text: String {
    [method, uri, query, headers, signedHeadersLine, payloadHash].joined(separator: "\n")
  }

  /// The SHA-256 of ``text``, which the string to sign carries.
  public var hash: SHA256Digest {
    SHA256.hash(text.utf8)
  }

  /// The canonical request text.
  public var description: String {
    text
  }

  /// The canonical URI of a wire path: each `/`-separated segment is percent-decoded, then
  /// encoded keeping only `A-Z a-z 0-9 - _ . ~`, and a `/` is appended unless the path ends
  /// with one. An encoded `%2F` stays inside its segment; a malformed escape is taken
  /// literally (`%zz` becomes `%25zz`).
  public static func canonicalURI(path: String) -> String {
    var output: [UInt8] = []
    var isFirstSegment = true
    for segment in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
      if !isFirstSegment {
        output.append(UInt8(ascii: "/"))
      }
      isFirstSegment = false
      output += SigningPercentEncoding.reencode(segment, plusIsSpace: false)
    }
    if output.last != UInt8(ascii: "/") {
      output.append(UInt8(ascii: "/"))
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The canonical query of a raw query string: split on `&` (empty parts skipped), each part
  /// split at its first `=` (a key without `=` has an empty value), keys and values decoded
  /// (`+` is a space, as in a form-encoded query), sorted by key then value (bytewise, as the
  /// official SDKs sort the decoded pairs), encoded and joined as `k=v` with `&`.
  public static func canonicalQuery(_ query: String) -> String {
    var pairs: [(key: [UInt8], value: [UInt8])] = []
    for part in query.utf8.split(separator: UInt8(ascii: "&")) {
      let keyEnd = part.firstIndex(of: UInt8(ascii: "=")) ?? part.endIndex
      let valueStart = keyEnd == part.endIndex ? keyEnd : part.index(after: keyEnd)
      pairs.append(
        (
          key: SigningPercentEncoding.decode(part[..<keyEnd], plusIsSpace: true),
          value: SigningPercentEncoding.decode(part[valueStart...], plusIsSpace: true)
        ))
    }
    pairs.sort { left, right in
      left.key == right.key
        ? left.value.lexicographicallyPrecedes(right.value)
        : left.key.lexicographicallyPrecedes(right.key)
    }
    var output: [UInt8] = []
    for (index, pair) in pairs.enumerated() {
      if index > 0 {
        output.append(UInt8(ascii: "&"))
      }
      SigningPercentEncoding.encode(pair.key, into: &output)
      output.append(UInt8(ascii: "="))
      SigningPercentEncoding.encode(pair.value, into: &output)
    }
    return String(decoding: output, as: UTF8.self)
  }
}
