import Foundation

/// Decompresses the bodies HTTP sends with `Content-Encoding: gzip` or `deflate`, in pure
/// Swift: gzip (RFC 1952, every member, CRC-32 and length checked), zlib (RFC 1950, Adler-32
/// checked) and raw deflate (RFC 1951).
///
/// Hostile input gives an ``InflateError`` (what, at which byte), never a trap, and the
/// output stops at `limit` bytes (a decompression bomb is an error, not an exhausted
/// machine).
public enum Inflate {
  /// The default bound on the output: 64 MiB.
  public static let defaultLimit = 64 << 20

  /// The data of every member of a gzip body, one after another. Zero bytes after the last
  /// member are padding and ignored; anything else after it is an error.
  public static func gzip(_ data: Data, limit: Int = defaultLimit) throws(InflateError) -> Data {
    let input = [UInt8](data)
    var decoder = DeflateDecoder(input: input, limit: limit)
    var position = 0
    repeat {
      let start = try GzipMember.header(in: input, at: position)
      let memberStart = decoder.produced
      let end = try decoder.decodeStream(at: start)
      position = try GzipMember.trailer(
        in: input, at: end, decoder: decoder, range: memberStart..<decoder.produced)
      if input[position...].allSatisfy({ $0 == 0 }) { break }
    } while true
    return Data(decoder.takeOutput())
  }

  /// The data of a zlib stream (what the `deflate` coding is meant to be).
  public static func zlib(_ data: Data, limit: Int = defaultLimit) throws(InflateError) -> Data {
    let input = [UInt8](data)
    var decoder = DeflateDecoder(input: input, limit: limit)
    let start = try ZlibStream.header(in: input)
    let end = try ZlibStream.trailer(
      in: input, at: try decoder.decodeStream(at: start), decoder: decoder)
    guard end == input.count else {
      throw InflateError(.trailingData(count: input.count - end), at: end)
    }
    return Data(decoder.takeOutput())
  }

  /// The data of a raw deflate stream, which must end where `data` does.
  public static func raw(_ data: Data, limit: Int = defaultLimit) throws(InflateError) -> Data {
    let input = [UInt8](data)
    var decoder = DeflateDecoder(input: input, limit: limit)
    let end = try decoder.decodeStream(at: 0)
    guard end == input.count else {
      throw InflateError(.trailingData(count: input.count - end), at: end)
    }
    return Data(decoder.takeOutput())
  }

  /// The data of a `deflate`-coded body: a zlib stream, or raw deflate (which some servers
  /// send under that name) when it has no zlib header or does not decode as one.
  ///
  /// - Throws: the zlib stream's error when it has a zlib header, the raw stream's
  ///   otherwise.
  public static func deflate(_ data: Data, limit: Int = defaultLimit) throws(InflateError)
    -> Data
  {
    guard ZlibStream.hasHeader([UInt8](data.prefix(2))) else {
      return try raw(data, limit: limit)
    }
    do {
      return try zlib(data, limit: limit)
    } catch {
      // A raw stream can start with two bytes that pass for a zlib header.
      guard let raw = try? raw(data, limit: limit) else { throw error }
      return raw
    }
  }
}
