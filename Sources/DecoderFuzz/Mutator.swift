import JSONTree

/// The structure-aware mutator: applies one to four operators of the catalogue to a case,
/// guided by the target's schema (timestamps get extreme numbers, enumerations unknown
/// values and case variants, ratios numbers as strings), recording each as a ``Mutation``.
public struct Mutator: Sendable {
  /// The documented fields of the target's payload.
  public var schema: FuzzSchema

  /// Creates a mutator for a payload of `schema`.
  public init(schema: FuzzSchema) {
    self.schema = schema
  }

  /// The operators that change the tree, and how often each is drawn (out of the total).
  static let treeOperators: [(MutationOperator, weight: Int)] = [
    (.extremeNumber, 6), (.setNull, 5), (.unknownEnumValue, 5), (.enumCaseVariant, 4),
    (.documentedEnumValue, 5), (.wrongType, 6), (.numberAsString, 5), (.removeMember, 5),
    (.addUnknownMember, 3), (.duplicateKey, 3), (.duplicateElement, 2), (.emptyString, 2),
    (.hugeString, 1), (.naughtyString, 4), (.deepNesting, 1),
  ]

  /// The operators that write invalid JSON, drawn about one time in eight.
  static let wireOperators: [MutationOperator] = [
    .trailingComma, .invalidUTF8, .loneSurrogate, .truncate, .havoc,
  ]

  /// Arrays do not grow beyond this many elements by repetition.
  public static let maximumArrayLength = 256

  private static let treeWeightTotal = treeOperators.reduce(0) { $0 + $1.weight }

  /// A new case: `base` with one to four mutations stacked on it.
  public func mutate(_ base: FuzzCase, using random: inout FuzzRandom) -> FuzzCase {
    var result = base
    let count = 1 + random.below(4)
    var applied = 0
    var attempts = 0
    while applied < count, attempts < count * 4 {
      attempts += 1
      if apply(drawOperator(using: &random), to: &result, using: &random) { applied += 1 }
    }
    return result
  }

  /// Applies one operator at a place it fits; false when the document has no such place.
  @discardableResult
  public func apply(
    _ mutationOperator: MutationOperator, to fuzzCase: inout FuzzCase,
    using random: inout FuzzRandom
  ) -> Bool {
    let listing = MutationSites(fuzzCase.document)
    let all = Array(listing.sites.indices)
    func record(_ pointer: JSONPointer, _ argument: String) {
      fuzzCase.mutations.append(
        Mutation(pointer: Self.text(of: pointer), operator: mutationOperator, argument: argument))
    }
    func replace(_ pointer: JSONPointer, with value: JSONValue, argument: String) {
      fuzzCase.document.update(at: pointer) { $0 = value }
      record(pointer, argument)
    }
    switch mutationOperator {
    case .extremeNumber:
      guard let site = pickSite(listing, preferring: isNumberField, using: &random) else {
        return false
      }
      let lexeme = random.pick(MutationCatalogue.extremeNumbers)
      replace(site.pointer, with: .number(lexeme), argument: lexeme)
    case .setNull:
      guard let site = pickSite(listing, preferring: { _, _ in true }, using: &random) else {
        return false
      }
      replace(site.pointer, with: .null, argument: "null")
    case .unknownEnumValue, .enumCaseVariant, .documentedEnumValue:
      guard let site = pickSite(listing, preferring: isEnumeration, using: &random) else {
        return false
      }
      let documented = documentedValues(at: site.pointer)
      let value = enumerationValue(mutationOperator, documented: documented, using: &random)
      replace(site.pointer, with: value, argument: value.serialized())
    case .wrongType:
      guard let site = pickSite(listing, preferring: { _, _ in true }, using: &random) else {
        return false
      }
      let candidates = Self.wrongTypeValues.filter { $0.typeName != site.value.typeName }
      let value = random.pick(candidates)
      replace(site.pointer, with: value, argument: value.serialized())
    case .numberAsString:
      guard let site = pickSite(listing, preferring: isNumberField, using: &random) else {
        return false
      }
      let text = random.pick(MutationCatalogue.numericStrings)
      replace(site.pointer, with: .string(text), argument: JSONValue.string(text).serialized())
    case .removeMember:
      guard
        let site = pickSite(listing, where: { !($0.members ?? []).isEmpty }, using: &random)
      else { return false }
      let members = site.value.members ?? []
      let index = random.below(members.count)
      fuzzCase.document.update(at: site.pointer) { value in
        var remaining = members
        remaining.remove(at: index)
        value = .object(remaining)
      }
      record(site.pointer.appending(members[index].key), members[index].key)
    case .addUnknownMember:
      guard let site = pickSite(listing, where: { $0.members != nil }, using: &random) else {
        return false
      }
      let key = random.pick(MutationCatalogue.unknownKeys)
      let value = randomScalarOrContainer(using: &random)
      fuzzCase.document.update(at: site.pointer) { object in
        object = .object((object.members ?? []) + [JSONMember(key, value)])
      }
      record(site.pointer.appending(key), value.serialized())
    case .duplicateKey:
      guard
        let site = pickSite(listing, where: { !($0.members ?? []).isEmpty }, using: &random)
      else { return false }
      let members = site.value.members ?? []
      let original = members[random.below(members.count)]
      let value = random.chance(1, in: 3) ? original.value : randomScalarOrContainer(using: &random)
      let duplicate = JSONMember(original.key, value)
      fuzzCase.document.update(at: site.pointer) { object in
        var updated = members
        if random.chance(1, in: 2) {
          updated.append(duplicate)
        } else {
          updated.insert(duplicate, at: 0)
        }
        object = .object(updated)
      }
      record(site.pointer.appending(original.key), value.serialized())
    case .duplicateElement:
      let nonEmptyArray: (JSONValue) -> Bool = {
        if case .array(let elements) = $0 { !elements.isEmpty } else { false }
      }
      guard let site = pickSite(listing, where: nonEmptyArray, using: &random) else {
        return false
      }
      guard case .array(let elements) = site.value else { return false }
      let index = random.below(elements.count)
      let copies = min(random.pick([1, 2, 100]), max(1, Self.maximumArrayLength - elements.count))
      fuzzCase.document.update(at: site.pointer) { array in
        array = .array(elements + Array(repeating: elements[index], count: copies))
      }
      record(site.pointer.appending(index), String(copies))
    case .emptyString:
      guard let site = pickSite(listing, preferring: isString, using: &random) else { return false }
      replace(site.pointer, with: .string(""), argument: "\"\"")
    case .hugeString:
      guard let site = pickSite(listing, preferring: isString, using: &random) else { return false }
      let length = random.pick(MutationCatalogue.hugeStringLengths)
      let unit = random.pick(Self.hugeStringUnits)
      replace(
        site.pointer, with: .string(Self.hugeStrings["\(unit) \(length)"] ?? ""),
        argument: "\(length) x \(JSONValue.string(unit).serialized())")
    case .naughtyString:
      guard let site = pickSite(listing, preferring: isString, using: &random) else { return false }
      let naughty = random.pick(MutationCatalogue.naughtyStrings)
      let text =
        random.chance(1, in: 2) ? naughty.text : (site.value.stringValue ?? "") + naughty.text
      replace(site.pointer, with: .string(text), argument: naughty.name)
    case .deepNesting:
      let index = random.pick(all)
      let site = (pointer: listing.pointer(index), value: listing.sites[index].value)
      let total = random.pick(MutationCatalogue.nestingDepths)
      let wraps = total - site.pointer.tokens.count - site.value.nestingDepth
      guard wraps > 0 else { return false }
      var value = site.value
      for _ in 0..<wraps { value = .array([value]) }
      replace(site.pointer, with: value, argument: "depth \(total)")
    case .trailingComma:
      guard
        let site = pickSite(
          listing, where: { $0.members != nil || $0.typeName == "array" }, using: &random)
      else { return false }
      fuzzCase.marks.append(.trailingComma(site.pointer))
      record(site.pointer, ",")
    case .invalidUTF8, .loneSurrogate:
      guard let site = pickSite(listing, where: { $0.stringValue != nil }, using: &random) else {
        return false
      }
      if mutationOperator == .loneSurrogate {
        fuzzCase.marks.append(.loneSurrogate(site.pointer))
        record(site.pointer, #"\uD800"#)
      } else {
        let bytes = random.pick(MutationCatalogue.invalidUTF8Sequences)
        fuzzCase.marks.append(.invalidUTF8(site.pointer, bytes))
        record(
          site.pointer, bytes.map { StableHash.hex(UInt64($0)).suffix(2) }.joined(separator: " "))
      }
    case .truncate:
      let length = fuzzCase.bytes().count
      guard length > 1 else { return false }
      let count = random.below(length)
      fuzzCase.byteEdits.append(.truncate(count))
      record(.root, String(count))
    case .havoc:
      var edits: [String] = []
      for _ in 0..<(1 + random.below(8)) {
        let offset = random.below(1 << 16)
        let byte = UInt8(truncatingIfNeeded: random.next())
        let edit: ByteEdit =
          switch random.below(4) {
          case 0: .flip(offset, 1 << UInt8(random.below(8)))
          case 1: .insert(offset, random.pick(Array("{}[],:\"\\0-.eE".utf8) + [byte]))
          case 2: .delete(offset, 1 + random.below(4))
          default: .overwrite(offset, byte)
          }
        fuzzCase.byteEdits.append(edit)
        edits.append("\(edit)")
      }
      record(.root, edits.joined(separator: " "))
    }
    return true
  }

  private func drawOperator(using random: inout FuzzRandom) -> MutationOperator {
    if random.chance(1, in: 8) { return random.pick(Self.wireOperators) }
    var draw = random.below(Self.treeWeightTotal)
    for (candidate, weight) in Self.treeOperators {
      if draw < weight { return candidate }
      draw -= weight
    }
    return .setNull
  }

  /// A non-root site, one the predicate prefers two times in three when there is one. The
  /// predicate sees the pointer only of sites shallow enough for the schema to name.
  private func pickSite(
    _ listing: MutationSites, preferring predicate: (JSONPointer?, JSONValue) -> Bool,
    using random: inout FuzzRandom
  ) -> (pointer: JSONPointer, value: JSONValue)? {
    let inner = listing.sites.indices.dropFirst()
    guard !inner.isEmpty else { return nil }
    let preferred = inner.filter {
      predicate(listing.shallowPointer($0, maximumDepth: 6), listing.sites[$0].value)
    }
    let index =
      !preferred.isEmpty && random.chance(2, in: 3)
      ? random.pick(preferred) : random.pick(Array(inner))
    return (listing.pointer(index), listing.sites[index].value)
  }

  /// A site whose value satisfies `condition`, or nil.
  private func pickSite(
    _ listing: MutationSites, where condition: (JSONValue) -> Bool, using random: inout FuzzRandom
  ) -> (pointer: JSONPointer, value: JSONValue)? {
    let matching = listing.sites.indices.filter { condition(listing.sites[$0].value) }
    guard !matching.isEmpty else { return nil }
    let index = random.pick(matching)
    return (listing.pointer(index), listing.sites[index].value)
  }

  private func isNumberField(_ pointer: JSONPointer?, _ value: JSONValue) -> Bool {
    switch pointer.flatMap(schema.kind(at:)) {
    case .integer, .timestamp, .percentage, .numericString: return true
    case .enumeration(let values): return values.contains { $0.numberLexeme != nil }
    default: return value.numberLexeme != nil
    }
  }

  private func isEnumeration(_ pointer: JSONPointer?, _ value: JSONValue) -> Bool {
    if case .enumeration = pointer.flatMap(schema.kind(at:)) { true } else { false }
  }

  private func isString(_ pointer: JSONPointer?, _ value: JSONValue) -> Bool {
    value.stringValue != nil
  }

  private func documentedValues(at pointer: JSONPointer) -> [JSONValue] {
    if case .enumeration(let values) = schema.kind(at: pointer) { values } else { [] }
  }

  private func enumerationValue(
    _ mutationOperator: MutationOperator, documented: [JSONValue], using random: inout FuzzRandom
  ) -> JSONValue {
    let isNumeric = documented.first?.numberLexeme != nil
    switch mutationOperator {
    case .documentedEnumValue where !documented.isEmpty:
      return random.pick(documented)
    case .enumCaseVariant where !documented.isEmpty:
      let original = random.pick(documented)
      if let lexeme = original.numberLexeme {
        return random.pick([.string(lexeme), .number(lexeme + ".0"), .number(lexeme + "e0")])
      }
      let text = original.stringValue ?? ""
      return .string(
        random.pick([
          text.lowercased(), text.capitalized, " \(text)", "\(text) ", text + "\u{0}",
          text.uppercased() + "\u{200B}",
        ]))
    default:
      if isNumeric {
        return .number(random.pick(["5", "-2", "99", "2147483647", "-2147483648", "3.5", "1e3"]))
      }
      return .string(
        random.pick(["UNKNOWN", "PENDING", "CANCELED", "", "in_progress", "SUCCEEDED", "2"]))
    }
  }

  private func randomScalarOrContainer(using random: inout FuzzRandom) -> JSONValue {
    random.pick(Self.wrongTypeValues)
  }

  /// The characters huge strings repeat.
  private static let hugeStringUnits = ["a", "9", "\u{5BFC}", "%"]

  /// The huge strings, made once (making them per mutation cost a tenth of the time).
  private static let hugeStrings: [String: String] = Dictionary(
    uniqueKeysWithValues: hugeStringUnits.flatMap { unit in
      MutationCatalogue.hugeStringLengths.map {
        ("\(unit) \($0)", String(repeating: unit, count: $0))
      }
    })

  /// The RFC 6901 text of a pointer, escaping only the tokens that need it (the general
  /// form cost a sixth of the time on 513-deep pointers).
  static func text(of pointer: JSONPointer) -> String {
    var text = ""
    for token in pointer.tokens {
      text += "/"
      if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
        text += token.replacing("~", with: "~0").replacing("/", with: "~1")
      } else {
        text += token
      }
    }
    return text
  }

  /// The catalogue's wrong-type values, parsed once.
  private static let wrongTypeValues: [JSONValue] = MutationCatalogue.wrongTypeLexemes.compactMap {
    try? JSONParser().parse($0)
  }
}
