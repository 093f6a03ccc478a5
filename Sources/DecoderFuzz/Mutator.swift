import JSONTree

/// The structure-aware mutator: applies one to four operators of the catalogue to a case,
/// guided by the schema the case was laid out with (timestamps get extreme numbers,
/// enumerations unknown values and case variants, ratios numbers as strings), recording each
/// as a ``Mutation``.
///
/// Each mutation is a ``Splice`` of the case's unmutated bytes at a place no earlier mutation
/// of the case touched, so a case costs a copy of its bytes, not a new tree and a new
/// emission; a case that joins the corpus is laid out again (``FuzzCase/rebased()``), so
/// mutations still build on mutations across generations.
public struct Mutator: Sendable {
  /// Creates a mutator.
  public init() {}

  /// The operators that change values and members (the result is still JSON), and how often
  /// each is drawn (out of the total).
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

  /// Each tree operator as many times as its weight, so that a draw is one index.
  private static let weightedTreeOperators: [MutationOperator] = treeOperators.flatMap {
    Array(repeating: $0.0, count: $0.weight)
  }

  private static let null = Replacement(.null)
  private static let emptyString = Replacement(.string(""))
  private static let extremeNumbers = MutationCatalogue.extremeNumbers.map {
    Replacement(.number($0))
  }
  private static let numericStrings = MutationCatalogue.numericStrings.map {
    Replacement(.string($0))
  }
  /// Member names with their quotes and colon; the argument is the bare name.
  private static let unknownKeys = MutationCatalogue.unknownKeys.map { key in
    var bytes: [UInt8] = []
    JSONWriter.writeString(key, to: &bytes)
    return Replacement(bytes: bytes + [UInt8(ascii: ":")], argument: key)
  }

  /// The catalogue's wrong-type values, parsed once.
  private static let wrongTypeDocuments = MutationCatalogue.wrongTypeLexemes.compactMap {
    try? JSONParser().parse($0)
  }
  private static let allWrongTypeValues = wrongTypeDocuments.map(Replacement.init)
  /// For each ``DocumentLayout/ValueType`` (by raw value), the wrong-type values of other types.
  private static let wrongTypeValues: [[Replacement]] = DocumentLayout.ValueType.allCases.map {
    type in
    wrongTypeDocuments.filter { DocumentLayout.ValueType(of: $0) != type }.map(Replacement.init)
  }

  /// The characters huge strings repeat.
  private static let hugeStringUnits = ["a", "9", "\u{5BFC}", "%"]
  /// The huge strings by unit and length, written once (making them per mutation cost a
  /// tenth of the time).
  private static let hugeStrings: [[Replacement]] = hugeStringUnits.map { unit in
    MutationCatalogue.hugeStringLengths.map { length in
      let count = length / unit.utf8.count
      return Replacement(
        bytes: JSONWriter.bytes(of: .string(String(repeating: unit, count: count))),
        argument: "\(count) x \(JSONValue.string(unit).serialized())")
    }
  }
  /// The naughty strings as whole values; the argument is the name.
  private static let naughtyStrings = MutationCatalogue.naughtyStrings.map {
    Replacement(bytes: JSONWriter.bytes(of: .string($0.text)), argument: $0.name)
  }
  /// The naughty strings escaped, to be written inside another string.
  private static let naughtyContents: [[UInt8]] = MutationCatalogue.naughtyStrings.map {
    var bytes: [UInt8] = []
    JSONWriter.writeStringContent($0.text, to: &bytes)
    return bytes
  }
  /// The byte sequences that are not UTF-8, with their bytes in hexadecimal as the argument.
  private static let invalidUTF8 = MutationCatalogue.invalidUTF8Sequences.map { bytes in
    Replacement(
      bytes: bytes,
      argument: bytes.map { StableHash.hex(UInt64($0)).suffix(2) }.joined(separator: " "))
  }
  /// Bytes havoc inserts, besides a random one.
  private static let havocBytes = Array("{}[],:\"\\0-.eE".utf8)

  /// A new case: `base` with one to four mutations stacked on it.
  public func mutate(_ base: FuzzCase, using random: inout FuzzRandom) -> FuzzCase {
    var result = base
    let count = 1 + random.below(4)
    result.splices.reserveCapacity(result.splices.count + count)
    result.mutations.reserveCapacity(result.mutations.count + count)
    var applied = 0
    var attempts = 0
    while applied < count, attempts < count * 4 {
      attempts += 1
      if apply(drawOperator(using: &random), to: &result, using: &random) { applied += 1 }
    }
    return result
  }

  /// Applies one operator at a place it fits; false when the document has no such place, or
  /// when the place drawn overlaps one an earlier mutation of the case changed.
  @discardableResult
  public func apply(
    _ mutationOperator: MutationOperator, to fuzzCase: inout FuzzCase,
    using random: inout FuzzRandom
  ) -> Bool {
    let layout = fuzzCase.layout
    let sites = layout.sites
    func splice(
      _ range: Range<Int>, _ bytes: [UInt8], container: Int? = nil, keepsJSONValid: Bool = true,
      pointer: String, argument: String
    ) -> Bool {
      let new = Splice(
        range: range, replacement: bytes, container: container, keepsJSONValid: keepsJSONValid)
      guard !fuzzCase.splices.contains(where: { $0.conflicts(with: new) }) else { return false }
      Splice.insert(new, into: &fuzzCase.splices)
      fuzzCase.mutations.append(
        Mutation(pointer: pointer, operator: mutationOperator, argument: argument))
      return true
    }
    func replace(_ site: Int, with replacement: Replacement) -> Bool {
      splice(
        sites[site].range, replacement.bytes, pointer: layout.pointerText(site),
        argument: replacement.argument)
    }
    func insert(
      _ bytes: [UInt8], at offset: Int, container: Int? = nil, keepsJSONValid: Bool = true,
      pointer: String, argument: String
    ) -> Bool {
      splice(
        offset..<offset, bytes, container: container, keepsJSONValid: keepsJSONValid,
        pointer: pointer, argument: argument)
    }
    /// Where a container's closing bracket is.
    func closing(_ site: Int) -> Int { sites[site].range.upperBound - 1 }

    switch mutationOperator {
    case .extremeNumber:
      guard let site = pickSite(layout, preferring: layout.numberFields, using: &random) else {
        return false
      }
      return replace(site, with: random.pick(Self.extremeNumbers))
    case .setNull:
      guard let site = pickSite(layout, preferring: [], using: &random) else { return false }
      return replace(site, with: Self.null)
    case .unknownEnumValue, .enumCaseVariant, .documentedEnumValue:
      guard let site = pickSite(layout, preferring: layout.enumerations, using: &random) else {
        return false
      }
      let choices = sites[site].enumeration ?? .undocumented
      return replace(site, with: enumerationValue(mutationOperator, choices, using: &random))
    case .wrongType:
      guard let site = pickSite(layout, preferring: [], using: &random) else { return false }
      return replace(site, with: random.pick(Self.wrongTypeValues[Int(sites[site].type.rawValue)]))
    case .numberAsString:
      guard let site = pickSite(layout, preferring: layout.numberFields, using: &random) else {
        return false
      }
      return replace(site, with: random.pick(Self.numericStrings))
    case .removeMember:
      guard !layout.nonEmptyObjects.isEmpty else { return false }
      let object = random.pick(layout.nonEmptyObjects)
      let position = random.below(sites[object].children.count)
      let member = sites[object].children[position]
      return splice(
        layout.removalRange(ofChild: position, in: object), [], container: object,
        pointer: layout.pointerText(member), argument: sites[member].token)
    case .addUnknownMember:
      guard !layout.objects.isEmpty else { return false }
      let object = random.pick(layout.objects)
      let key = random.pick(Self.unknownKeys)
      let value = random.pick(Self.allWrongTypeValues)
      let member = (sites[object].count > 0 ? [UInt8(ascii: ",")] : []) + key.bytes + value.bytes
      return insert(
        member, at: closing(object), container: object,
        pointer: layout.pointerText(object) + "/" + DocumentLayout.escaped(key.argument),
        argument: value.argument)
    case .duplicateKey:
      guard !layout.nonEmptyObjects.isEmpty else { return false }
      let object = random.pick(layout.nonEmptyObjects)
      let children = sites[object].children
      let original = children[random.below(children.count)]
      let value =
        random.chance(1, in: 3)
        ? Replacement(
          bytes: Array(layout.bytes(of: original)),
          argument: String(decoding: layout.bytes(of: original), as: UTF8.self))
        : random.pick(Self.allWrongTypeValues)
      let keyAndColon = layout.bytes[sites[original].memberStart..<sites[original].range.lowerBound]
      let pointer = layout.pointerText(original)
      if random.chance(1, in: 2) {
        return insert(
          [UInt8(ascii: ",")] + keyAndColon + value.bytes, at: closing(object), container: object,
          pointer: pointer, argument: value.argument)
      }
      return insert(
        Array(keyAndColon) + value.bytes + [UInt8(ascii: ",")],
        at: sites[object].range.lowerBound + 1, container: object, pointer: pointer,
        argument: value.argument)
    case .duplicateElement:
      guard !layout.nonEmptyArrays.isEmpty else { return false }
      let array = random.pick(layout.nonEmptyArrays)
      let children = sites[array].children
      let position = random.below(children.count)
      let copies = min(
        random.pick([1, 2, 100]), max(1, Self.maximumArrayLength - sites[array].count))
      let element = [UInt8(ascii: ",")] + layout.bytes(of: children[position])
      var repeated: [UInt8] = []
      repeated.reserveCapacity(element.count * copies)
      for _ in 0..<copies { repeated += element }
      return insert(
        repeated, at: closing(array), container: array,
        pointer: layout.pointerText(children[position]), argument: String(copies))
    case .emptyString:
      guard let site = pickSite(layout, preferring: layout.innerStrings, using: &random) else {
        return false
      }
      return replace(site, with: Self.emptyString)
    case .hugeString:
      guard let site = pickSite(layout, preferring: layout.innerStrings, using: &random) else {
        return false
      }
      // The longest (64 KiB) one time in eight: it costs JSONDecoder 60 µs, twenty inputs'
      // worth, so drawn as often as the others it took a third of the fuzzer's time.
      let longest = MutationCatalogue.hugeStringLengths.count - 1
      let length = random.chance(1, in: 8) ? longest : random.below(longest)
      let unit = random.below(Self.hugeStringUnits.count)
      return replace(site, with: Self.hugeStrings[unit][length])
    case .naughtyString:
      guard let site = pickSite(layout, preferring: layout.innerStrings, using: &random) else {
        return false
      }
      let naughty = random.below(MutationCatalogue.naughtyStrings.count)
      if random.chance(1, in: 2) || sites[site].type != .string {
        return replace(site, with: Self.naughtyStrings[naughty])
      }
      return insert(
        Self.naughtyContents[naughty], at: closing(site), pointer: layout.pointerText(site),
        argument: Self.naughtyStrings[naughty].argument)
    case .deepNesting:
      let site = random.below(sites.count)
      let total = random.pick(MutationCatalogue.nestingDepths)
      let wraps = total - sites[site].depth - sites[site].nestingDepth
      guard wraps > 0 else { return false }
      var wrapped = [UInt8](repeating: UInt8(ascii: "["), count: wraps)
      wrapped += layout.bytes(of: site)
      wrapped += repeatElement(UInt8(ascii: "]"), count: wraps)
      return splice(
        sites[site].range, wrapped, pointer: layout.pointerText(site), argument: "depth \(total)")
    case .trailingComma:
      guard !layout.containers.isEmpty else { return false }
      let container = random.pick(layout.containers)
      return insert(
        [UInt8(ascii: ",")], at: closing(container), container: container, keepsJSONValid: false,
        pointer: layout.pointerText(container), argument: ",")
    case .invalidUTF8, .loneSurrogate:
      guard !layout.strings.isEmpty else { return false }
      let site = random.pick(layout.strings)
      let afterQuote = sites[site].range.lowerBound + 1
      if mutationOperator == .loneSurrogate {
        return insert(
          Array(#"\uD800"#.utf8), at: afterQuote, keepsJSONValid: false,
          pointer: layout.pointerText(site), argument: #"\uD800"#)
      }
      let bytes = random.pick(Self.invalidUTF8)
      return insert(
        bytes.bytes, at: afterQuote, keepsJSONValid: false, pointer: layout.pointerText(site),
        argument: bytes.argument)
    case .truncate:
      let length =
        fuzzCase.byteEdits.isEmpty ? fuzzCase.splicedByteCount : fuzzCase.bytes().count
      guard length > 1 else { return false }
      let count = random.below(length)
      fuzzCase.byteEdits.append(.truncate(count))
      fuzzCase.mutations.append(
        Mutation(pointer: "", operator: mutationOperator, argument: String(count)))
      return true
    case .havoc:
      var argument: [UInt8] = []
      argument.reserveCapacity(160)  // eight edits: grown once, not per edit
      for _ in 0..<(1 + random.below(8)) {
        let offset = random.below(1 << 16)
        let byte = UInt8(truncatingIfNeeded: random.next())
        let edit: ByteEdit =
          switch random.below(4) {
          case 0: .flip(offset, 1 << UInt8(random.below(8)))
          case 1:
            // One of the havoc bytes or the random one, as a pick of `havocBytes + [byte]`
            // draws it, without making that array.
            .insert(
              offset,
              { $0 < Self.havocBytes.count ? Self.havocBytes[$0] : byte }(
                random.below(Self.havocBytes.count + 1)))
          case 2: .delete(offset, 1 + random.below(4))
          default: .overwrite(offset, byte)
          }
        fuzzCase.byteEdits.append(edit)
        if !argument.isEmpty { argument.append(UInt8(ascii: " ")) }
        edit.write(to: &argument)
      }
      fuzzCase.mutations.append(
        Mutation(
          pointer: "", operator: mutationOperator,
          argument: String(decoding: argument, as: UTF8.self)))
      return true
    }
  }

  private func drawOperator(using random: inout FuzzRandom) -> MutationOperator {
    if random.chance(1, in: 8) { return random.pick(Self.wireOperators) }
    return random.pick(Self.weightedTreeOperators)
  }

  /// A site other than the root, one of `preferred` two times in three when there is one.
  private func pickSite(
    _ layout: DocumentLayout, preferring preferred: [Int], using random: inout FuzzRandom
  ) -> Int? {
    let innerCount = layout.sites.count - 1
    guard innerCount > 0 else { return nil }
    if !preferred.isEmpty, random.chance(2, in: 3) { return random.pick(preferred) }
    return 1 + random.below(innerCount)
  }

  private func enumerationValue(
    _ mutationOperator: MutationOperator, _ choices: EnumerationChoices,
    using random: inout FuzzRandom
  ) -> Replacement {
    switch mutationOperator {
    case .documentedEnumValue where !choices.documented.isEmpty:
      return random.pick(choices.documented)
    case .enumCaseVariant where !choices.documented.isEmpty:
      return random.pick(choices.variants[random.below(choices.documented.count)])
    default:
      return random.pick(choices.unknown)
    }
  }
}
