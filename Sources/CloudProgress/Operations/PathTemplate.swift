/// A URI path with `{name}` placeholders, such as `/v2/tasks/{task_id}/progress`.
///
/// Expanding percent-encodes each value as one path segment (everything but
/// `A-Z a-z 0-9 - _ . ~`), and refuses empty values and the segments `.` and `..`, so a
/// value can never move the request to another path.
public struct PathTemplate: Hashable, Sendable, CustomStringConvertible {
  /// Two templates are the same when their text is.
  public static func == (left: PathTemplate, right: PathTemplate) -> Bool {
    left.template == right.template
  }

  /// Hashes the text.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(template)
  }

  /// The template text.
  public let template: String
  /// Its `/`-separated segments, split once (``match(_:)`` runs for every recorded
  /// interaction `tape inspect` reads, against every API).
  private let segments: [Substring]

  /// Creates a template. Placeholders must be whole segments: `/a/{id}/b`.
  public init(_ template: String) {
    self.template = template
    segments = template.split(separator: "/", omittingEmptySubsequences: false)
  }

  /// The placeholder names, in order.
  public var parameterNames: [String] {
    segments.compactMap(Self.placeholderName)
  }

  /// The path with every placeholder replaced by its percent-encoded value.
  public func expand(_ values: [String: String]) throws(PathTemplateError) -> String {
    var expanded: [String] = []
    for segment in segments {
      guard let name = Self.placeholderName(segment) else {
        expanded.append(String(segment))
        continue
      }
      guard let value = values[name] else {
        throw .missingParameter(name, template: template)
      }
      guard !value.isEmpty, value != ".", value != ".." else {
        throw .invalidValue(value, parameter: name, template: template)
      }
      expanded.append(PercentEncoding.encodeSegment(value))
    }
    return expanded.joined(separator: "/")
  }

  /// The placeholder values of `path` when it has this template's shape, percent-decoded;
  /// nil otherwise.
  public func match(_ path: String) -> [String: String]? {
    // A path with fewer segments (or, all ASCII, another number) is told apart before any
    // is made; a `/` followed by a combining mark is no separator, so only ASCII is exact.
    var slashes = 0
    var isASCII = true
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") { slashes += 1 } else if byte >= 0x80 { isASCII = false }
    }
    guard slashes + 1 >= segments.count, !isASCII || slashes + 1 == segments.count else {
      return nil
    }
    let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
    guard pathSegments.count == segments.count else { return nil }
    var values: [String: String] = [:]
    for (pattern, actual) in zip(segments, pathSegments) {
      if let name = Self.placeholderName(pattern) {
        guard !actual.isEmpty, let decoded = PercentEncoding.decode(actual) else { return nil }
        values[name] = decoded
      } else if pattern != actual {
        return nil
      }
    }
    return values
  }

  /// The template text.
  public var description: String { template }

  private static func placeholderName(_ segment: Substring) -> String? {
    guard segment.count > 2, segment.first == "{", segment.last == "}" else { return nil }
    return String(segment.dropFirst().dropLast())
  }
}

/// Why a ``PathTemplate`` could not be expanded.
public enum PathTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No value was given for a placeholder.
  case missingParameter(String, template: String)
  /// The value is empty, `.` or `..`.
  case invalidValue(String, parameter: String, template: String)

  /// What is wrong and where.
  public var description: String {
    switch self {
    case .missingParameter(let name, let template):
      "no value for path parameter '\(name)' of \(template)"
    case .invalidValue(let value, let name, let template):
      "path parameter '\(name)' of \(template) cannot be '\(value)'"
    }
  }
}
