import Foundation
import JSONTree

/// Reads typed members out of a JSON object, naming the exact pointer of any problem.
struct JSONObjectReader {
  /// A problem at a pointer; the caller adds the file name.
  struct Failure: Error {
    var pointer: JSONPointer
    var reason: String
  }

  let pointer: JSONPointer
  private let members: [String: JSONValue]

  /// Reads `value` as an object whose keys are all in `allowedKeys`.
  init(_ value: JSONValue, at pointer: JSONPointer, allowedKeys: Set<String>) throws(Failure) {
    guard let list = value.members else {
      throw Failure(pointer: pointer, reason: "expected an object, found \(value.typeName)")
    }
    var members: [String: JSONValue] = [:]
    for member in list {
      guard allowedKeys.contains(member.key) else {
        let known = allowedKeys.sorted().joined(separator: ", ")
        throw Failure(
          pointer: pointer.appending(member.key),
          reason: "unknown key '\(member.key)' (expected one of: \(known))")
      }
      guard members.updateValue(member.value, forKey: member.key) == nil else {
        throw Failure(pointer: pointer.appending(member.key), reason: "duplicate key")
      }
    }
    self.pointer = pointer
    self.members = members
  }

  func has(_ key: String) -> Bool { members[key] != nil }

  func value(_ key: String) throws(Failure) -> JSONValue {
    guard let value = members[key] else {
      throw Failure(pointer: pointer, reason: "missing key '\(key)'")
    }
    return value
  }

  func string(_ key: String) throws(Failure) -> String {
    let value = try value(key)
    guard let text = value.stringValue else { throw mismatch(key, "a string", value) }
    return text
  }

  func optionalString(_ key: String) throws(Failure) -> String? {
    has(key) ? try string(key) : nil
  }

  func integer(_ key: String, in range: ClosedRange<Int>) throws(Failure) -> Int {
    let value = try value(key)
    guard let lexeme = value.numberLexeme, let number = Int(lexeme) else {
      throw mismatch(key, "an integer", value)
    }
    guard range.contains(number) else {
      throw Failure(
        pointer: pointer.appending(key),
        reason: "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
    }
    return number
  }

  func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(Failure) -> Int? {
    has(key) ? try integer(key, in: range) : nil
  }

  func array(_ key: String) throws(Failure) -> [JSONValue] {
    let value = try value(key)
    guard case .array(let elements) = value else { throw mismatch(key, "an array", value) }
    return elements
  }

  func stringArray(_ key: String) throws(Failure) -> [String] {
    var result: [String] = []
    for (index, element) in try array(key).enumerated() {
      guard let text = element.stringValue else {
        throw Failure(
          pointer: pointer.appending(key).appending(index),
          reason: "expected a string, found \(element.typeName)")
      }
      result.append(text)
    }
    return result
  }

  func stringDictionary(_ key: String) throws(Failure) -> [String: String] {
    let value = try value(key)
    guard let list = value.members else { throw mismatch(key, "an object", value) }
    var result: [String: String] = [:]
    for member in list {
      guard let text = member.value.stringValue else {
        throw Failure(
          pointer: pointer.appending(key).appending(member.key),
          reason: "expected a string, found \(member.value.typeName)")
      }
      result[member.key] = text
    }
    return result
  }

  private func mismatch(_ key: String, _ expected: String, _ found: JSONValue) -> Failure {
    Failure(
      pointer: pointer.appending(key), reason: "expected \(expected), found \(found.typeName)")
  }
}
