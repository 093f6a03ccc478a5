import Foundation

/// The texts the secret scan looks for because a session used them (live secrets) or a
/// redactor scrubs them (tenant identifiers): each value as it is, percent-encoded, and
/// base64-encoded as it shows inside any base64 stream (each of the three alignments,
/// standard and URL-safe alphabets, padded or not).
struct SecretNeedles: Sendable {
  /// One text looked for, and what a hit on it is.
  struct Needle: Sendable {
    let text: String
    let kind: String
  }

  /// The shortest value looked for.
  static let minimumLength = 4
  /// The shortest base64 form looked for inside a longer stream: shorter ones would turn up
  /// by chance in any long base64 text.
  static let minimumEncodedLength = 6

  /// Every needle, the raw values first.
  let all: [Needle]
  /// Only the values as they are, for text already decoded (a query value, a form field).
  let raw: [Needle]

  /// The needles of `values` (those under ``minimumLength`` bytes left out); `kind` says
  /// what a hit is, `a live secret` say, to which the form is added: `a live secret
  /// (base64-encoded)`, and `rawForm` for the value as it is (` (raw)`, or nothing).
  init(_ values: some Sequence<(value: String, kind: String)>, rawForm: String) {
    var raw: [Needle] = []
    var encoded: [Needle] = []
    var seen: Set<String> = []
    func add(_ text: String, _ kind: String, to list: inout [Needle]) {
      guard !text.isEmpty, seen.insert(text).inserted else { return }
      list.append(Needle(text: text, kind: kind))
    }
    for (value, kind) in values where value.utf8.count >= Self.minimumLength {
      add(value, kind + rawForm, to: &raw)
      if let percent = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
        add(percent, kind + " (percent-encoded)", to: &encoded)
      }
      let bytes = Array(value.utf8)
      let padded = Data(bytes).base64EncodedString()
      var forms = [padded]
      forms += LenientBase64.alignedForms(of: bytes).filter {
        $0.utf8.count >= Self.minimumEncodedLength
      }
      for form in forms {
        add(form, kind + " (base64-encoded)", to: &encoded)
        add(LenientBase64.urlSafe(form), kind + " (base64url-encoded)", to: &encoded)
      }
    }
    self.raw = raw
    self.all = raw + encoded
  }

  /// Whether there is nothing to look for.
  var isEmpty: Bool { all.isEmpty }
}
