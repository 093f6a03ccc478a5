import JSONTree

/// One fuzz input before it becomes bytes: an unmutated document written once (its layout),
/// the splices of its mutations, the byte edits applied afterwards, and the record of every
/// mutation that made it.
public struct FuzzCase: Sendable {
  /// The unmutated document, written, with where its values are.
  let layout: DocumentLayout
  /// The tree-level and invalid-on-purpose mutations, as changes of the layout's bytes.
  var splices: [Splice] = []
  /// Byte edits applied after the splices, in order.
  public var byteEdits: [ByteEdit] = []
  /// What was done, in order.
  public var mutations: [Mutation] = []

  /// An unmutated case of `document`, the kinds of its fields read from `schema`.
  public init(document: JSONValue, schema: FuzzSchema) {
    layout = DocumentLayout(document, schema: schema)
  }

  /// Whether the bytes are the mutated document written as valid JSON (no trailing comma,
  /// bad UTF-8, lone surrogate or byte edit).
  public var isWellFormed: Bool { byteEdits.isEmpty && splices.allSatisfy(\.keepsJSONValid) }

  /// The bytes sent to the target.
  public func bytes() -> [UInt8] {
    var bytes = splices.isEmpty ? layout.bytes : Splice.apply(splices, to: layout.bytes)
    for edit in byteEdits { edit.apply(to: &bytes) }
    return bytes
  }

  /// How many bytes the splices leave, before byte edits.
  var splicedByteCount: Int {
    splices.reduce(layout.bytes.count) { $0 + $1.replacement.count - $1.range.count }
  }

  /// This case as a starting point of its own: its bytes parsed and laid out again, so that
  /// later mutations can change what its mutations wrote; the record is kept. Nil when the
  /// bytes are not JSON.
  public func rebased() -> FuzzCase? {
    guard let document = try? JSONParser(maximumDepth: 1024).parse(bytes()) else { return nil }
    var rebased = FuzzCase(document: document, schema: layout.schema)
    rebased.mutations = mutations
    return rebased
  }
}
