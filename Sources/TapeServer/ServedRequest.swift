import Foundation
import LoopbackHTTP

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The one path between LoopbackHTTP's messages and Foundation's, for `tape serve` and
/// `tape proxy` alike: the `URLRequest` a served request becomes (the one the player
/// matches and the transport sends), and the client's answer from a status, fields and body.
enum ServedRequest {
  /// Why a request is not taken as sent: it cannot become a `URLRequest` unchanged.
  struct Refusal: Error {
    /// 400 for the target, 501 for the method.
    var status: Int
    /// What is wrong, and why.
    var detail: String
    /// Who refuses.
    var role: Role

    /// The client's answer.
    var response: HTTPResponse {
      .text("\(role.tool): \(detail)\n", status: status)
    }
  }

  /// Who takes the request: the proxy forwards it, `tape serve` matches it.
  enum Role: Sendable {
    case proxy, serve

    /// The command's name, which starts a refusal.
    var tool: String { self == .proxy ? "tape proxy" : "tape serve" }
    /// What is done with a request taken.
    var verb: String { self == .proxy ? "forwarded" : "matched" }
    /// Where its path goes.
    var destination: String { self == .proxy ? "goes to the upstream" : "is matched" }
    /// Where the `URLRequest` takes the request.
    var carrier: String {
      self == .proxy ? "to the upstream and into the cassette" : "to the player"
    }
  }

  /// The headers that belong to one connection, never forwarded (RFC 9110 §7.6.1), and
  /// `Trailer`, which announces trailer fields of a chunked body that is forwarded whole.
  static let hopByHop: Set<String> = [
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te",
    "trailer",
  ]

  /// The request headers the transport sets for the upstream, not hop-by-hop but never
  /// forwarded as the client sent them: `Host` (the upstream's authority) and
  /// `Content-Length` (the length of the body actually sent).
  static let setByTransport: Set<String> = ["host", "content-length"]

  /// ``hopByHop``, ``setByTransport`` and `Expect`: the request headers never taken as they
  /// came. The server has answered `100-continue` itself and read the whole body; an
  /// upstream, asked to, would answer `100 Continue` to a request whose body is already on
  /// its way.
  static let notForwarded = hopByHop.union(setByTransport).union(["expect"])

  /// Adds to `names` the lower-cased names the `Connection` fields among `fields` list
  /// (which are hop-by-hop too); nothing is copied when there are none.
  static func addConnectionOptions(
    of fields: some Sequence<(String, String)>, to names: inout Set<String>
  ) {
    for (name, value) in fields where name.utf8.count == 10 && name.lowercased() == "connection" {
      for option in value.split(separator: ",") {
        let option = option.trimmingCharacters(in: .whitespaces).lowercased()
        if !option.isEmpty { names.insert(option) }
      }
    }
  }

  /// The `URLRequest` for `request` at `base`: the same method, path and query (those of an
  /// absolute-form target too), headers (less hop-by-hop ones, `Expect`, and those a
  /// transport sets) and body. `role` says who refuses, in a refusal's text.
  ///
  /// - Throws: ``Refusal``: 400 for a target that is not a path (`OPTIONS *`), or that
  ///   Foundation's `URL` would not keep as it is (it percent-encodes `|`, `{`, a `%` not
  ///   followed by two hexadecimal digits, and drops a `#` fragment); 501 for a method
  ///   `URLRequest` would change (it upper-cases `get`, `post` and the other standard
  ///   methods, which are case-sensitive: RFC 9110 §9.1).
  static func urlRequest(
    for request: HTTPRequest, at base: URL, as role: Role
  ) throws(Refusal) -> URLRequest {
    let target = request.query.map { request.path + "?" + $0 } ?? request.path
    guard request.path.hasPrefix("/") else {
      throw Refusal(
        status: 400,
        detail: "the request target \(request.target) is not \(role.verb): only a path, or an "
          + "absolute URL's path, \(role.destination)", role: role)
    }
    var prefix = base.absoluteString
    if prefix.hasSuffix("/") { prefix.removeLast() }
    let text = prefix + target
    // Bytes, not Foundation's `contains`, which goes through NSString.
    guard let url = URL(string: text), url.absoluteString == text,
      !target.utf8.contains(UInt8(ascii: "#"))
    else {
      let rewritten = URL(string: text).map {
        " (it would go as \(PlainHTTPTransport.target(of: $0)))"
      }
      throw Refusal(
        status: 400,
        detail: "the request target \(request.target) cannot be \(role.verb) as sent: it is not a "
          + "URI path and query\(rewritten ?? ""); percent-encode the bytes a URI does not "
          + "allow, and send no fragment", role: role)
    }
    var outgoing = URLRequest(url: url)
    // GET is a URLRequest's method already; setting it again costs a locale-aware comparison
    // with each standard method (Foundation normalizes the methods it knows).
    if request.method != "GET" { outgoing.httpMethod = request.method }
    guard outgoing.httpMethod == request.method else {
      throw Refusal(
        status: 501,
        detail: "the method \(request.method) is not \(role.verb): methods are case-sensitive "
          + "(RFC 9110 §9.1), and Foundation's URLRequest, which carries the request "
          + "\(role.carrier), would make it \(outgoing.httpMethod ?? "GET")",
        role: role)
    }
    // Set at once: adding them one by one was a tenth of the proxy's time.
    var fields: [String: String] = [:]
    var names: [String: String] = [:]  // lower-cased name: the first spelling seen
    var dropped = notForwarded
    addConnectionOptions(of: request.headers.lazy.map { ($0.name, $0.value) }, to: &dropped)
    for field in request.headers {
      let key = field.name.lowercased()
      guard !dropped.contains(key) else { continue }
      if let name = names[key] {
        fields[name, default: ""] += "," + field.value
      } else {
        names[key] = field.name
        fields[field.name] = field.value
      }
    }
    outgoing.allHTTPHeaderFields = fields
    if !request.body.isEmpty { outgoing.httpBody = request.body }
    return outgoing
  }

  /// The fields of a Foundation response.
  static func fields(of response: HTTPURLResponse) -> [(name: String, value: String)] {
    response.allHeaderFields.compactMap { name, value in
      (name as? String).flatMap { name in (value as? String).map { (name: name, value: $0) } }
    }
  }

  /// The client's answer from a replayed Foundation response.
  static func answer(_ body: Data, _ response: HTTPURLResponse) -> HTTPResponse {
    answer(response.statusCode, nil, fields(of: response), body, then: nil)
  }

  /// The client's answer: `status`, its reason phrase (the standard one when nil), the
  /// headers (less hop-by-hop ones and `dropping`) and body. `Content-Length` stays: the
  /// server sends the length of the bytes it sends, and a HEAD answer keeps the upstream's.
  /// `keep` runs once the answer has gone back, on the connection's thread (see
  /// `HTTPResponse.afterSending`).
  static func answer(
    _ status: Int, _ reasonPhrase: String?, _ fields: [(name: String, value: String)],
    _ body: Data, dropping: Set<String> = [], then keep: (@Sendable () -> Void)?
  ) -> HTTPResponse {
    var dropped = dropping.isEmpty ? hopByHop : hopByHop.union(dropping)
    addConnectionOptions(of: fields.lazy.map { ($0.name, $0.value) }, to: &dropped)
    var headers = HTTPHeaders()
    for (name, value) in fields where !dropped.contains(name.lowercased()) {
      headers.add(name: name, value: value)
    }
    var answer = HTTPResponse(
      status: status, reasonPhrase: reasonPhrase, headers: headers, body: body)
    answer.afterSending = keep
    return answer
  }
}
