/// Comparison of secrets whose duration does not depend on where they differ.
enum ConstantTimeComparison {
  /// Whether `left` and `right` hold the same bytes, reading every byte of the longer one
  /// whatever the contents.
  static func isEqual(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
    let left = Array(left)
    let right = Array(right)
    var difference: UInt8 = left.count == right.count ? 0 : 1
    for index in 0..<max(left.count, right.count) {
      let leftByte = index < left.count ? left[index] : 0
      let rightByte = index < right.count ? right[index] : 0
      difference |= leftByte ^ rightByte
    }
    return difference == 0
  }
}
