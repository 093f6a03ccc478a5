import JSONTree

/// One fuzz input before it becomes bytes: a document, the defects to write into it, the
/// byte edits to apply afterwards, and the record of every mutation that made it.
public struct FuzzCase: Hashable, Sendable {
  /// The (possibly mutated) document.
  public var document: JSONValue
  /// Defects written during emission.
  public var marks: [EmissionMark]
  /// Byte edits applied after emission, in order.
  public var byteEdits: [ByteEdit]
  /// What was done, in order.
  public var mutations: [Mutation]

  /// A case for an unmutated document.
  public init(document: JSONValue) {
    self.document = document
    self.marks = []
    self.byteEdits = []
    self.mutations = []
  }

  /// Whether the bytes are the document written as valid JSON (no marks, no byte edits).
  public var isWellFormed: Bool { marks.isEmpty && byteEdits.isEmpty }

  /// The bytes sent to the target.
  public func bytes() -> [UInt8] {
    var bytes = InvalidJSONEmitter.bytes(of: document, marks: marks)
    for edit in byteEdits { edit.apply(to: &bytes) }
    return bytes
  }
}
