/// What changed between the previous recording of the same APIs and this one: members
/// added or gone, a member's JSON type, new values of enumerated fields (a new status), new
/// error codes. The report a reviewer reads beside the diff of a re-recorded cassette.
///
/// Only APIs both recordings hold are compared; a member inside one that was added, is
/// gone or changed type is not named again.
public struct ShapeChanges: Hashable, Sendable, CustomStringConvertible {
  /// How reports name the recording compared with (a cassette file).
  public var previous: String
  /// The changes, sorted.
  public var changes: [ShapeChange]

  /// The changes from `before` (the recording `previous` names) to `after`.
  public init(from before: RecordingShape, to after: RecordingShape, previous: String) {
    self.previous = previous
    var changes: [ShapeChange] = []
    for (api, now) in after.apis {
      guard let then = before.apis[api] else { continue }
      var moved: [String] = []
      for (path, types) in now.memberTypes {
        guard let earlier = then.memberTypes[path] else {
          changes.append(
            ShapeChange(api: api, path: path, kind: .memberAdded, detail: Self.text(types)))
          moved.append(path)
          continue
        }
        if earlier != types {
          changes.append(
            ShapeChange(
              api: api, path: path, kind: .typeChanged,
              detail: "\(Self.text(earlier)) -> \(Self.text(types))"))
          moved.append(path)
        }
      }
      for (path, types) in then.memberTypes where now.memberTypes[path] == nil {
        changes.append(
          ShapeChange(api: api, path: path, kind: .memberGone, detail: Self.text(types)))
        moved.append(path)
      }
      changes.removeAll { change in
        change.api == api && moved.contains { change.path.hasPrefix($0 + "/") }
      }
      for (path, values) in now.values {
        for value in values.subtracting(then.values[path] ?? []).sorted() {
          changes.append(ShapeChange(api: api, path: path, kind: .newValue, detail: value))
        }
      }
      for code in now.errorCodes.subtracting(then.errorCodes).sorted() {
        changes.append(
          ShapeChange(api: api, path: "(error answers)", kind: .newErrorCode, detail: code))
      }
    }
    self.changes = changes.sorted()
  }

  /// Whether nothing changed.
  public var isEmpty: Bool { changes.isEmpty }

  /// A heading naming the previous recording, then one line a change.
  public var description: String {
    guard !changes.isEmpty else { return "changes since \(previous): none" }
    let count = "\(changes.count) change\(changes.count == 1 ? "" : "s")"
    return (["changes since \(previous) (\(count)):"] + changes.map { "  \($0)" })
      .joined(separator: "\n")
  }

  private static func text(_ types: Set<String>) -> String {
    types.sorted().joined(separator: ", ")
  }
}
