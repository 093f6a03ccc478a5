/// Every document one byte away from `document`: each byte replaced by each of
/// `replacements`, and each byte removed. Raw bytes, so that invalid UTF-8 stays invalid.
func singleByteChanges(of document: String, replacements: [UInt8]) -> [[UInt8]] {
  let original = Array(document.utf8)
  var changed: [[UInt8]] = []
  for offset in original.indices {
    for byte in replacements {
      var bytes = original
      bytes[offset] = byte
      changed.append(bytes)
    }
    var shorter = original
    shorter.remove(at: offset)
    changed.append(shorter)
  }
  return changed
}
