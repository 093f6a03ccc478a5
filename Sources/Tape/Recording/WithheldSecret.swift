import Foundation
import JSONTree

/// What a recording journal writes in place of a secret the scan would refuse (a value
/// shorter than the live-secret substitution replaces, or a base64-encoded one): the journal
/// never holds it, and a cassette rebuilt from the journal is refused while the marker is
/// left, naming the place, until a rule redacts it (`--redact-json-key` and the like) or
/// the journal is deleted.
///
/// The marker is no placeholder (a rule replaces it like any value) and fits in a URL.
public enum WithheldSecret {
  /// The text written in place of the secret.
  public static let marker = "tape-withheld-secret"

  /// What a hit says.
  static let kind =
    "a secret withheld from the recording journal (add a rule that redacts this place)"

  /// A hit for each string (or key) of `tree` that still holds the marker.
  static func hits(in data: Data) -> [SecretScanner.Hit] {
    guard String(decoding: data, as: UTF8.self).containsBytes(of: marker),
      let tree = try? JSONParser().parse(data)
    else { return [] }
    var hits: [SecretScanner.Hit] = []
    walk(tree, at: .root, &hits)
    return hits
  }

  private static func walk(
    _ value: JSONValue, at pointer: JSONPointer, _ hits: inout [SecretScanner.Hit]
  ) {
    switch value {
    case .string(let text) where text.containsBytes(of: marker):
      hits.append(SecretScanner.Hit(location: pointer.description, kind: kind))
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        walk(element, at: pointer.appending(index), &hits)
      }
    case .object(let members):
      for member in members {
        let child = pointer.appending(member.key)
        if member.key.containsBytes(of: marker) {
          hits.append(SecretScanner.Hit(location: child.description + " (the key)", kind: kind))
        }
        walk(member.value, at: child, &hits)
      }
    default:
      break
    }
  }
}
