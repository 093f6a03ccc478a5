/// Where one value being encoded goes: empty until something is encoded into it, then a
/// finished value or a container that nested encoders keep adding to.
final class EncodingSlot {
  enum Content {
    case empty
    case value(JSONValue)
    case object(ObjectStorage)
    case array(ArrayStorage)
  }

  var content = Content.empty

  /// The members of an object being encoded, in first-encoded order.
  final class ObjectStorage {
    private(set) var names: [String] = []
    private var slots: [EncodingSlot] = []
    /// The slots by name, made once an object has many members (a model's dozen are
    /// found faster by a scan than by hashing).
    private var index: [String: Int]?

    /// The slot of a member, added at the end the first time it is asked for.
    func slot(named name: String) -> EncodingSlot {
      if let index {
        if let position = index[name] { return slots[position] }
      } else if let position = names.firstIndex(of: name) {
        return slots[position]
      }
      let slot = EncodingSlot()
      names.append(name)
      slots.append(slot)
      if index != nil {
        index?[name] = slots.count - 1
      } else if names.count > 32 {
        index = Dictionary(
          names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      }
      return slot
    }

    func materialized() -> JSONValue {
      .object(
        zip(names, slots).compactMap { name, slot in
          slot.materialized().map { JSONMember(name, $0) }
        })
    }
  }

  /// The elements of an array being encoded.
  final class ArrayStorage {
    private(set) var slots: [EncodingSlot] = []

    func appendSlot() -> EncodingSlot {
      let slot = EncodingSlot()
      slots.append(slot)
      return slot
    }

    func materialized() -> JSONValue {
      .array(slots.map { $0.materialized() ?? .null })
    }
  }

  /// The object storage of this slot, made when the slot is empty or not an object yet.
  func objectStorage() -> ObjectStorage {
    if case .object(let storage) = content { return storage }
    let storage = ObjectStorage()
    content = .object(storage)
    return storage
  }

  /// The array storage of this slot, made when the slot is empty or not an array yet.
  func arrayStorage() -> ArrayStorage {
    if case .array(let storage) = content { return storage }
    let storage = ArrayStorage()
    content = .array(storage)
    return storage
  }

  /// The finished value, or nil when nothing was encoded.
  func materialized() -> JSONValue? {
    switch content {
    case .empty: nil
    case .value(let value): value
    case .object(let storage): storage.materialized()
    case .array(let storage): storage.materialized()
    }
  }
}
