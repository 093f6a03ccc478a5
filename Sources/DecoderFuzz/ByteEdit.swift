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
    var bytes: [UInt8] = []
    write(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the description's UTF-8 to `bytes`, without interpolation (the reflecting
  /// default cost more than the rest of a mutation) and without a `String` per edit: havoc
  /// writes all its edits into one buffer and makes the text once (a `String` made and
  /// appended per edit cost about 3,000 instructions an edit).
  func write(to bytes: inout [UInt8]) {
    let (name, first, second): (StaticString, Int, Int?) =
      switch self {
      case .truncate(let count): ("truncate(", count, nil)
      case .flip(let offset, let mask): ("flip(", offset, Int(mask))
      case .insert(let offset, let byte): ("insert(", offset, Int(byte))
      case .delete(let offset, let count): ("delete(", offset, count)
      case .overwrite(let offset, let byte): ("overwrite(", offset, Int(byte))
      }
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    Self.appendDecimal(first, to: &bytes)
    if let second {
      bytes.append(UInt8(ascii: ","))
      bytes.append(UInt8(ascii: " "))
      Self.appendDecimal(second, to: &bytes)
    }
    bytes.append(UInt8(ascii: ")"))
  }

  /// Appends `value` in decimal, as `String(value)` writes it.
  private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    // The digits, last first, into a fixed buffer (20 digits hold any `UInt`), then in order.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for position in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[position]) }
    }
  }
}
