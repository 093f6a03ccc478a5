extension KeyedDecodingContainer {
  /// Decodes an optional fixed-width integer without losing the path on overflow.
  ///
  /// On Linux, `JSONDecoder` reports `3000000000` decoded as `Int32` as "not valid JSON"
  /// with an empty coding path; this names the key and the value instead.
  func decodeIntegerIfPresent<Integer: FixedWidthInteger>(
    _ type: Integer.Type, forKey key: Key
  ) throws -> Integer? {
    guard let number = try decodeIfPresent(WireNumber.self, forKey: key) else { return nil }
    guard let value = Integer(number.text) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription: "\(number.text) is not an integer in the range of \(Integer.self)")
    }
    return value
  }
}
