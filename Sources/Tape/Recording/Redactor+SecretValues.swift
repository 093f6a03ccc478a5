import Foundation
import JSONTree

extension Redactor {
  /// The live secret values an unredacted interaction carries: values of secret headers
  /// (for an AK/SK `Authorization`, the access key and the signature), secret query values
  /// and secret JSON values. The recorder scans what it writes for these, in every encoding.
  public func secretValues(in interaction: Interaction) -> [String] {
    var values: [String] = []
    for field in interaction.request.headers.fields + interaction.response.headers.fields
    where isSecretHeader(field.name) {
      values.append(field.value)
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
      values += items.filter { queryKeys.contains($0.name.lowercased()) }.compactMap(\.value)
    }
    for body in [interaction.request.body, interaction.response.body] {
      if case .json(let tree) = body?.content { collect(tree, at: .root, &values) }
    }
    return values.filter { $0.count >= 4 }
  }

  /// Whether a character separates the parts of a credential header (`Access=..., ...`).
  private static func separatesParts(_ character: Character) -> Bool {
    character == " " || character == "," || character == ";"
  }

  private func collect(_ value: JSONValue, at pointer: JSONPointer, _ values: inout [String]) {
    let isSecretPointer = matchesPointer(pointer)
    let isSecretKey = pointer.tokens.last.map { jsonKeys.contains($0.lowercased()) } ?? false
    switch value {
    case .string(let text) where isSecretPointer || isSecretKey: values.append(text)
    case .number(let lexeme) where isSecretPointer || isSecretKey: values.append(lexeme)
    case .object(let members):
      for member in members { collect(member.value, at: pointer.appending(member.key), &values) }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        collect(element, at: pointer.appending(index), &values)
      }
    default: break
    }
  }
}
