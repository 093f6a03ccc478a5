import JSONTree
import Synchronization

/// A document written once as compact JSON, with where each of its values sits in the bytes
/// and what the schema says of it, so that a mutation is a splice of those bytes (see
/// ``Splice``) instead of an edit of the tree and a new emission.
///
/// Editing the tree, listing its values and writing it again cost about 25 µs a case,
/// several times the 2-10 µs of decoding it; a splice costs a copy of the bytes.
final class DocumentLayout: Sendable {
  /// The JSON type of a value.
  enum ValueType: UInt8, CaseIterable, Sendable {
    case null, boolean, number, string, array, object

    /// The type of `value`.
    init(of value: JSONValue) {
      self =
        switch value {
        case .null: .null
        case .bool: .boolean
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
  }

  /// One value of the document.
  struct Site: Sendable {
    /// The value's bytes.
    var range: Range<Int>
    /// Where the member starts (its key's opening quote); the value's start for an element
    /// or the root.
    var memberStart: Int
    /// The enclosing container's site, -1 for the root.
    var parent: Int
    /// The member name or array index that leads to the value from its parent.
    var token: String
    /// How many containers enclose the value.
    var depth: Int
    /// How many containers the value holds, itself included.
    var nestingDepth: Int
    var type: ValueType
    /// How many members or elements a container holds.
    var count: Int
    /// The sites of a container's members or elements, in order.
    var children: [Int]
    /// What the schema says of the value, when it documents it.
    var kind: FieldKind?
    /// The RFC 6901 text of the value's pointer, for values no deeper than
    /// ``DocumentLayout/eagerPointerDepth``.
    var pointerText: String?
    /// The values an enumeration mutation picks from here.
    var enumeration: EnumerationChoices?
  }

  /// The compact JSON text.
  let bytes: [UInt8]
  /// The schema the kinds were read from.
  let schema: FuzzSchema
  /// The values, parents before children, at most ``siteLimit`` of them.
  let sites: [Site]
  /// Sites other than the root that hold a number, or that the schema says should.
  let numberFields: [Int]
  /// Sites other than the root that the schema documents as enumerations.
  let enumerations: [Int]
  /// Sites other than the root that hold a string.
  let innerStrings: [Int]
  /// Every site that holds a string.
  let strings: [Int]
  /// Every site that holds an object.
  let objects: [Int]
  /// Every site that holds an object with at least one member.
  let nonEmptyObjects: [Int]
  /// Every site that holds an array with at least one element.
  let nonEmptyArrays: [Int]
  /// Every site that holds an array or an object.
  let containers: [Int]

  /// Documents with more values list only the first this many.
  static let siteLimit = 512
  /// The schema is consulted for values no deeper than this.
  static let schemaDepth = 6
  /// Pointer texts are made in advance for values no deeper than this.
  static let eagerPointerDepth = 16

  /// Writes `document` and lists its values, consulting `schema` for their kinds.
  init(_ document: JSONValue, schema: FuzzSchema) {
    var builder = LayoutBuilder(schema: schema)
    _ = builder.visit(document, parent: -1, token: "", memberStart: 0, depth: 0)
    bytes = builder.output
    self.schema = schema
    sites = builder.sites
    var numberFields: [Int] = []
    var enumerations: [Int] = []
    var innerStrings: [Int] = []
    var strings: [Int] = []
    var objects: [Int] = []
    var nonEmptyObjects: [Int] = []
    var nonEmptyArrays: [Int] = []
    var containers: [Int] = []
    for (index, site) in sites.enumerated() {
      let isInner = index > 0
      if isInner, Self.isNumberField(site) { numberFields.append(index) }
      if isInner, case .enumeration = site.kind { enumerations.append(index) }
      switch site.type {
      case .string:
        strings.append(index)
        if isInner { innerStrings.append(index) }
      case .object:
        objects.append(index)
        containers.append(index)
        // Only objects with every member listed: a removal must know its neighbours.
        if site.count > 0, site.children.count == site.count { nonEmptyObjects.append(index) }
      case .array:
        containers.append(index)
        if !site.children.isEmpty { nonEmptyArrays.append(index) }
      default:
        break
      }
    }
    self.numberFields = numberFields
    self.enumerations = enumerations
    self.innerStrings = innerStrings
    self.strings = strings
    self.objects = objects
    self.nonEmptyObjects = nonEmptyObjects
    self.nonEmptyArrays = nonEmptyArrays
    self.containers = containers
  }

  /// Pointer texts of sites deeper than ``eagerPointerDepth``, made when first asked for:
  /// a corpus entry nested 512 deep is mutated at deep sites again and again, and writing
  /// a 500-token pointer per mutation took half of a campaign's time.
  private let deepPointerTexts = Mutex<[Int: String]>([:])

  /// The pointer text of the site at `index`.
  func pointerText(_ index: Int) -> String {
    if let text = sites[index].pointerText { return text }
    return deepPointerTexts.withLock { texts in
      if let text = texts[index] { return text }
      // Up to the nearest site whose text is known, then down, remembering each.
      var chain: [Int] = []
      var current = index
      var text = ""
      while current > 0 {
        if let known = sites[current].pointerText ?? texts[current] {
          text = known
          break
        }
        chain.append(current)
        current = sites[current].parent
      }
      for site in chain.reversed() {
        text += "/" + Self.escaped(sites[site].token)
        texts[site] = text
      }
      return text
    }
  }

  /// The bytes of the site at `index`.
  func bytes(of index: Int) -> ArraySlice<UInt8> {
    bytes[sites[index].range]
  }

  /// The bytes a member of an object or an element of an array occupies together with one
  /// of its separating commas, so that removing them leaves valid JSON.
  func removalRange(ofChild position: Int, in container: Int) -> Range<Int> {
    let children = sites[container].children
    let child = sites[children[position]]
    if children.count == 1 { return child.memberStart..<child.range.upperBound }
    if position < children.count - 1 {
      return child.memberStart..<sites[children[position + 1]].memberStart
    }
    return sites[children[position - 1]].range.upperBound..<child.range.upperBound
  }

  /// An RFC 6901 reference token: `~` as `~0`, `/` as `~1`.
  static func escaped(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
    else { return token }
    return token.replacing("~", with: "~0").replacing("/", with: "~1")
  }

  private static func isNumberField(_ site: Site) -> Bool {
    switch site.kind {
    case .integer, .timestamp, .percentage, .numericString: return true
    case .enumeration(let values): return values.contains { $0.numberLexeme != nil }
    default: return site.type == .number
    }
  }
}

/// Writes a document depth first, recording each value's site.
private struct LayoutBuilder {
  let schema: FuzzSchema
  var output: [UInt8] = []
  var sites: [DocumentLayout.Site] = []
  var tokens: [String] = []
  var choices: [FieldKind: EnumerationChoices] = [:]

  init(schema: FuzzSchema) {
    self.schema = schema
    output.reserveCapacity(512)
  }

  /// Writes `value` and returns its nesting depth.
  mutating func visit(
    _ value: JSONValue, parent: Int, token: String, memberStart: Int, depth: Int
  ) -> Int {
    let start = output.count
    guard sites.count < DocumentLayout.siteLimit else {
      JSONWriter.write(value, to: &output)
      return value.nestingDepth
    }
    let index = sites.count
    sites.append(site(value, parent: parent, token: token, start: start, depth: depth))
    sites[index].memberStart = parent < 0 ? start : memberStart
    var nesting = 0
    switch value {
    case .array(let elements):
      sites[index].count = elements.count
      output.append(UInt8(ascii: "["))
      for (position, element) in elements.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        let childToken = String(position)
        nesting = max(nesting, visitChild(element, of: index, token: childToken, depth: depth))
      }
      output.append(UInt8(ascii: "]"))
      nesting += 1
    case .object(let members):
      sites[index].count = members.count
      output.append(UInt8(ascii: "{"))
      for (position, member) in members.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        let keyStart = output.count
        JSONWriter.writeString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        nesting = max(
          nesting,
          visitChild(member.value, of: index, token: member.key, depth: depth, keyStart: keyStart))
      }
      output.append(UInt8(ascii: "}"))
      nesting += 1
    default:
      JSONWriter.writeScalar(value, to: &output)
    }
    sites[index].range = start..<output.count
    sites[index].nestingDepth = nesting
    return nesting
  }

  private mutating func visitChild(
    _ value: JSONValue, of parent: Int, token: String, depth: Int, keyStart: Int? = nil
  ) -> Int {
    let childIndex = sites.count
    tokens.append(token)
    let nesting = visit(
      value, parent: parent, token: token, memberStart: keyStart ?? output.count,
      depth: depth + 1)
    tokens.removeLast()
    if childIndex < sites.count { sites[parent].children.append(childIndex) }
    return nesting
  }

  private mutating func site(
    _ value: JSONValue, parent: Int, token: String, start: Int, depth: Int
  ) -> DocumentLayout.Site {
    let type = DocumentLayout.ValueType(of: value)
    var kind: FieldKind?
    var enumeration: EnumerationChoices?
    if depth > 0, depth <= DocumentLayout.schemaDepth {
      kind = schema.kind(at: JSONPointer(tokens: tokens))
      if let kind, case .enumeration(let documented) = kind {
        let made = choices[kind] ?? EnumerationChoices(documented: documented)
        choices[kind] = made
        enumeration = made
      }
    }
    var pointerText: String?
    if depth <= DocumentLayout.eagerPointerDepth {
      pointerText =
        parent < 0 ? "" : (sites[parent].pointerText ?? "") + "/" + DocumentLayout.escaped(token)
    }
    return DocumentLayout.Site(
      range: start..<start, memberStart: start, parent: parent, token: token, depth: depth,
      nestingDepth: 0, type: type, count: 0, children: [], kind: kind, pointerText: pointerText,
      enumeration: enumeration)
  }
}
