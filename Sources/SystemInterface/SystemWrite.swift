/// Writing a whole buffer to a file descriptor: `write(2)` as often as the system takes
/// part of it, again after a signal interrupted it (`EINTR`), until every byte is written or
/// an error stops it. The one loop the journal, the standard streams and the fuzz worker
/// write with.
package enum SystemWrite {
  /// Writes every byte of `bytes` to `descriptor`; false when an error stopped it (`errno`
  /// says which), with what came before it written.
  package static func all(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    while offset < bytes.count {
      let count = write(descriptor, base + offset, bytes.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += count
    }
    return true
  }

  /// Writes the UTF-8 of `text` to `descriptor`, as ``all(_:to:)`` does.
  package static func all(_ text: String, to descriptor: Int32) -> Bool {
    var text = text
    return text.withUTF8 { all(UnsafeRawBufferPointer($0), to: descriptor) }
  }
}
