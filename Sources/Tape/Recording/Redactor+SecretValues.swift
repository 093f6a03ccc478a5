import Foundation
import JSONTree

extension Redactor {
  /// The live secret values an unredacted interaction carries: values of secret headers
  /// (for an AK/SK `Authorization`, the access key and the signature; for a `Bearer` or
  /// `Basic` one, its credentials), secret query values, form fields and JSON values. The
  /// recorder replaces these wherever else they appear and scans what it writes for them,
  /// in every encoding.
  public func secretValues(in interaction: Interaction) -> [String] {
    var values: [String] = []
    for field in interaction.request.headers.fields + interaction.response.headers.fields
    where isSecretHeader(field.name) {
      values.append(field.value)
      let words = field.value.split(separator: " ", maxSplits: 1)
      if words.count == 2, ["bearer", "basic", "token"].contains(words[0].lowercased()) {
        values.append(String(words[1]))
      }
      for part in field.value.split(whereSeparator: Self.separatesParts) {
        if let equals = part.firstIndex(of: "="), part[part.index(after: equals)...].count >= 8 {
          let name = part[..<equals].lowercased()
          if name == "access" || name == "signature" {
            values.append(String(part[part.index(after: equals)...]))
          }
        }
      }
    }
    if interaction.request.url.utf8.contains(UInt8(ascii: "?")),
      let items = URLComponents(string: interaction.request.url)?.queryItems
    {
      values += items.filter { isSecretQueryKey($0.name) }.compactMap(\.value)
    }
    for body in [interaction.request.body, interaction.response.body] {
      switch body?.content {
      case .json(let tree): collect(tree, at: .root, secret: false, &values)
      case .text(let text) where Self.jsonContainer(in: text) != nil:
        if let tree = Self.jsonContainer(in: text) {
          collect(tree, at: .root, secret: false, &values)
        }
      case .text(let text) where FormBody.applies(to: text, contentType: nil):
        values += FormBody.fields(of: text).filter {
          isSecretKey($0.name) || isSecretQueryKey($0.name)
        }
        .map(\.value)
      default: break
      }
    }
    return values.filter { $0.count >= 4 && !Self.isPlaceholder($0) }
  }

  /// Whether a character separates the parts of a credential header (`Access=..., ...`).
  private static func separatesParts(_ character: Character) -> Bool {
    character == " " || character == "," || character == ";"
  }

  private func collect(
    _ value: JSONValue, at pointer: JSONPointer, secret: Bool, _ values: inout [String]
  ) {
    let secret = secret || matchesPointer(pointer)
    switch value {
    case .string(let text) where secret: values.append(text)
    case .number(let lexeme) where secret: values.append(lexeme)
    case .object(let members):
      for member in members {
        let secrecy = secrecy(ofKey: member.key)
        let below =
          secrecy == .everythingBelow || (secrecy == .value && member.value.members == nil)
        collect(member.value, at: pointer.appending(member.key), secret: secret || below, &values)
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        collect(element, at: pointer.appending(index), secret: secret, &values)
      }
    default: break
    }
  }
}
