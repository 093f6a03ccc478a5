import Foundation
import JSONTree

extension Redactor {
  /// An interaction as it may be written: tenant identifiers scrubbed, then secrets
  /// replaced by placeholders (headers, query values, JSON strings at any depth below a
  /// secret key, form fields, pattern matches in any text), then the ``customRules``; the
  /// names of the places redacted are added to ``Interaction/redactions``.
  public func redact(_ interaction: Interaction) -> Interaction {
    var names: [String] = []
    let scrubbed = scrubTenants(interaction, &names)
    var result = scrubbed
    result.request.headers = redact(headers: scrubbed.request.headers, "request", &names)
    result.response.headers = redact(headers: scrubbed.response.headers, "response", &names)
    result.request.url = redact(url: scrubbed.request.url, &names)
    result.request.body = scrubbed.request.body.map {
      redact(body: $0, contentType: scrubbed.request.headers["Content-Type"], "request", &names)
    }
    result.response.body = scrubbed.response.body.map {
      redact(body: $0, contentType: scrubbed.response.headers["Content-Type"], "response", &names)
    }
    for rule in customRules {
      let before = result
      rule.rewrite(&result)
      if result != before { names.append("custom rule: \(rule.name)") }
    }
    result.redactions = Array(Set(interaction.redactions + names)).sorted()
    return result
  }

  /// A request as the player matches and reports it, by the same rules as an interaction
  /// recorded (vcrpy's order: filter, then match): a live request carrying a real secret
  /// matches a recording that holds its placeholder, and no report shows the secret.
  public func redact(_ request: RequestSnapshot) -> RequestSnapshot {
    var names: [String] = []
    var result =
      tenantIdentifiers.isEmpty
      ? request : TenantSubstitution.scrubbing(tenantIdentifiers).apply(request)
    result.headers = redact(headers: result.headers, "request", &names)
    result.path = redact(text: result.path)
    result.host = redact(text: result.host)
    result.query = result.query.map { item in
      if isSecretQueryKey(item.name), !Self.isPlaceholder(item.value) {
        return RequestSnapshot.QueryItem(name: item.name, value: Self.placeholder(item.name))
      }
      return RequestSnapshot.QueryItem(name: item.name, value: redact(text: item.value))
    }
    if !result.body.isEmpty {
      let stored = RecordedBody(data: result.body, contentType: result.headers["Content-Type"])
      let redacted = redact(
        body: stored, contentType: result.headers["Content-Type"], "request", &names)
      if redacted != stored { result.body = redacted.data }
    }
    guard !customRules.isEmpty else { return result }
    var interaction = Interaction(
      request: RecordedRequest(
        method: result.method, url: result.url, headers: result.headers,
        body: result.body.isEmpty
          ? nil : RecordedBody(data: result.body, contentType: result.headers["Content-Type"])),
      response: RecordedResponse(status: 0))
    for rule in customRules { rule.rewrite(&interaction) }
    var rewritten = RequestSnapshot(interaction.request)
    rewritten.body = interaction.request.body?.data ?? Data()
    return rewritten
  }

  /// A URL as it may be shown: secret query values replaced by placeholders, tenant
  /// identifiers scrubbed and the patterns' matches replaced.
  public func redact(url: String) -> String {
    var names: [String] = []
    var found: Set<String> = []
    let scrubbed = TenantSubstitution.scrubbing(tenantIdentifiers).apply(url, &found)
    return redact(url: scrubbed, &names)
  }

  /// Every tenant identifier replaced by its placeholder, each place named in `names` as
  /// `request.url: tenant project_id` (where, then which identifier; never the value).
  private func scrubTenants(_ interaction: Interaction, _ names: inout [String]) -> Interaction {
    let substitution = TenantSubstitution.scrubbing(tenantIdentifiers)
    guard !substitution.isEmpty else { return interaction }
    func note(_ place: String, _ found: Set<String>) {
      names += found.map { "\(place): tenant \($0)" }
    }
    var result = interaction
    var found: Set<String> = []
    result.request.url = substitution.apply(interaction.request.url, &found)
    note("request.url", found)
    for (side, message) in [
      ("request", \Interaction.request.headers), ("response", \.response.headers),
    ] {
      result[keyPath: message] = substitution.apply(interaction[keyPath: message]) {
        note("\(side).header.\($0)", $1)
      }
    }
    for (side, body) in [("request", \Interaction.request.body), ("response", \.response.body)] {
      found = []
      result[keyPath: body] = interaction[keyPath: body].map { substitution.apply($0, &found) }
      note("\(side).body", found)
    }
    return result
  }

  private func redact(headers: HeaderFields, _ side: String, _ names: inout [String])
    -> HeaderFields
  {
    HeaderFields(
      headers.fields.map { field in
        if isSecretHeader(field.name) {
          names.append("\(side).header.\(field.name)")
          return HeaderFields.Field(field.name, Self.placeholder(field.name))
        }
        let value = redact(text: field.value)
        if value != field.value { names.append("\(side).header.\(field.name)") }
        return HeaderFields.Field(field.name, value)
      })
  }

  private func redact(url: String, _ names: inout [String]) -> String {
    guard url.utf8.contains(UInt8(ascii: "?")), var components = URLComponents(string: url),
      let items = components.queryItems
    else {
      return redact(text: url)
    }
    var changed = false
    components.queryItems = items.map { item in
      guard let value = item.value, !Self.isPlaceholder(value), isSecretQueryKey(item.name)
      else { return item }
      names.append("request.query.\(item.name)")
      changed = true
      return URLQueryItem(name: item.name, value: Self.placeholder(item.name))
    }
    let rebuilt = changed ? (components.string ?? url) : url
    let redacted = redact(text: rebuilt)
    if redacted != rebuilt { names.append("request.url") }
    return redacted
  }

  private func redact(
    body: RecordedBody, contentType: String?, _ side: String, _ names: inout [String]
  ) -> RecordedBody {
    switch body.content {
    case .json(let tree):
      var paths: [String] = []
      let redacted = redact(json: tree, at: .root, below: nil, &paths)
      names += paths.map { "\(side).body\($0)" }
      return RecordedBody(.json(redacted), decodedFrom: body.decodedFrom, wireText: body.wireText)
    case .text(let text):
      var redacted = text
      if let tree = Self.jsonContainer(in: text) {
        // JSON sent without a JSON content type: redacted as JSON, kept as text (written
        // compact only where something was redacted).
        var paths: [String] = []
        let tree = redact(json: tree, at: .root, below: nil, &paths)
        names += paths.map { "\(side).body\($0)" }
        if !paths.isEmpty { redacted = tree.serialized() }
      } else if FormBody.applies(to: text, contentType: contentType) {
        redacted = FormBody.replacingValues(in: text) { name in
          guard isSecretKey(name) || isSecretQueryKey(name) else { return nil }
          names.append("\(side).form.\(name)")
          return Self.placeholder(name)
        }
      }
      let matched = redact(text: redacted)
      if matched != redacted { names.append("\(side).body") }
      return RecordedBody(.text(matched), decodedFrom: body.decodedFrom)
    case .base64:
      return body
    }
  }

  /// `json` redacted; `below` is the name of the secret key it sits under, if any: then
  /// every string becomes that key's placeholder and every number `0`, and booleans and
  /// nulls are kept, so the JSON type never changes.
  private func redact(
    json: JSONValue, at pointer: JSONPointer, below secretKey: String?, _ paths: inout [String]
  ) -> JSONValue {
    let secretKey = secretKey ?? (matchesPointer(pointer) ? pointer.tokens.last : nil)
    switch json {
    case .object(let members):
      return .object(
        members.map { member in
          let child = pointer.appending(member.key)
          var inherited = secretKey
          if inherited == nil {
            switch secrecy(ofKey: member.key) {
            case .everythingBelow: inherited = member.key
            case .value where !member.value.isObject: inherited = member.key
            default: break
            }
          }
          return JSONMember(
            member.key, redact(json: member.value, at: child, below: inherited, &paths))
        })
    case .array(let elements):
      return .array(
        elements.enumerated().map {
          redact(json: $1, at: pointer.appending($0), below: secretKey, &paths)
        })
    case .string(let text):
      if let secretKey {
        guard !Self.isPlaceholder(text) else { return json }
        paths.append(pointer.description)
        return .string(Self.placeholder(secretKey))
      }
      let redacted = redact(text: text)
      if redacted != text { paths.append(pointer.description) }
      return .string(redacted)
    case .number(let lexeme):
      guard secretKey != nil, lexeme != "0" else { return json }
      paths.append(pointer.description)
      return .number("0")
    default:
      return json
    }
  }
}

extension Redactor {
  /// The JSON object or array `text` holds, if it is one.
  static func jsonContainer(in text: String) -> JSONValue? {
    guard
      let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
      first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    else { return nil }
    return try? JSONParser().parse(Data(text.utf8))
  }
}

extension JSONValue {
  /// An object.
  fileprivate var isObject: Bool {
    if case .object = self { true } else { false }
  }
}
