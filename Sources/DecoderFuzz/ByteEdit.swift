/// A byte-level change applied after emission; offsets wrap around the document's length,
/// so an edit stays meaningful whatever the document became.
public enum ByteEdit: Hashable, Sendable {
  /// Keep only this many bytes.
  case truncate(Int)
  /// Exclusive-or the byte at the offset with the mask.
  case flip(Int, UInt8)
  /// Insert the byte before the offset.
  case insert(Int, UInt8)
  /// Delete this many bytes from the offset.
  case delete(Int, Int)
  /// Replace the byte at the offset.
  case overwrite(Int, UInt8)

  /// Applies the edit to `bytes`.
  public func apply(to bytes: inout [UInt8]) {
    switch self {
    case .truncate(let count):
      if count < bytes.count { bytes.removeSubrange(count...) }
    case .flip(let offset, let mask):
      guard !bytes.isEmpty else { return }
      bytes[offset % bytes.count] ^= mask
    case .insert(let offset, let byte):
      bytes.insert(byte, at: offset % (bytes.count + 1))
    case .delete(let offset, let count):
      guard !bytes.isEmpty else { return }
      let start = offset % bytes.count
      bytes.removeSubrange(start..<min(bytes.count, start + count))
    case .overwrite(let offset, let byte):
      guard !bytes.isEmpty else { return }
      bytes[offset % bytes.count] = byte
    }
  }
}

extension ByteEdit: CustomStringConvertible {
  /// The edit as a mutation record shows it: `flip(812, 64)`, `truncate(40)`.
  public var description: String {
    var text = ""
    write(to: &text)
    return text
  }

  /// Appends the description to `text`, without interpolation (the reflecting default
  /// cost more than the rest of a mutation).
  func write(to text: inout String) {
    let (name, first, second): (String, Int, Int?) =
      switch self {
      case .truncate(let count): ("truncate(", count, nil)
      case .flip(let offset, let mask): ("flip(", offset, Int(mask))
      case .insert(let offset, let byte): ("insert(", offset, Int(byte))
      case .delete(let offset, let count): ("delete(", offset, count)
      case .overwrite(let offset, let byte): ("overwrite(", offset, Int(byte))
      }
    // Written as bytes, then appended once: appending five pieces to the text cost havoc
    // about two thousand instructions an edit.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    bytes += name.utf8
    Self.appendDecimal(first, to: &bytes)
    if let second {
      bytes += [UInt8(ascii: ","), UInt8(ascii: " ")]
      Self.appendDecimal(second, to: &bytes)
    }
    bytes.append(UInt8(ascii: ")"))
    text += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `value` in decimal, as `String(value)` writes it.
  private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }
}
