/// A URI path with `{name}` placeholders, such as `/v2/tasks/{task_id}/progress`.
///
/// Expanding percent-encodes each value as one path segment (everything but
/// `A-Z a-z 0-9 - _ . ~`), and refuses empty values and the segments `.` and `..`, so a
/// value can never move the request to another path.
public struct PathTemplate: Hashable, Sendable, CustomStringConvertible {
  /// The template text.
  public let template: String

  /// Creates a template. Placeholders must be whole segments: `/a/{id}/b`.
  public init(_ template: String) {
    self.template = template
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

  private var segments: [Substring] {
    template.split(separator: "/", omittingEmptySubsequences: false)
  }

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
