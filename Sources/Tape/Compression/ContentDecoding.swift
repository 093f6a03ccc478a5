import Foundation

/// Whether an HTTP body labelled with a content coding still is in that coding, and if so
/// its decoded bytes: what a recording stores, whichever transport the body came through.
///
/// URLSession decodes gzip and deflate answers itself while their headers still name the
/// coding; a transport that does not (plain sockets, a proxy's upstream) hands over the
/// bytes as they came. The body tells which: a gzip body still starts with `1f 8b`; a
/// deflate body is still compressed when it decodes as zlib, or as raw deflate that ends
/// exactly where the body does (and, when the body is UTF-8 text, decodes to UTF-8 text).
public enum ContentDecoding {
  /// What a body turned out to be.
  public enum Outcome: Hashable, Sendable {
    /// Still compressed, and these are its decoded bytes.
    case decoded(Data)
    /// Already decoded (by the transport), or a coding this does not decode (`br`): the
    /// bytes are the representation's as they are.
    case notEncoded
    /// Still compressed, but it does not decode: corrupt, truncated, or past the limit.
    case undecodable(InflateError)
  }

  /// The codings ``decode(_:coding:limit:)`` decodes.
  public static let decodable: Set<String> = ["gzip", "deflate"]

  /// Decodes `body` when it still is in `coding` (`gzip` or `deflate`, any case, spaces
  /// around ignored), producing at most `limit` bytes.
  public static func decode(_ body: Data, coding: String, limit: Int = Inflate.defaultLimit)
    -> Outcome
  {
    switch coding.trimmingCharacters(in: .whitespaces).lowercased() {
    case "gzip":
      // Decoded text never starts with 1f 8b (8b is no UTF-8 lead byte).
      guard body.starts(with: [0x1f, 0x8b]) else { return .notEncoded }
      do {
        return .decoded(try Inflate.gzip(body, limit: limit))
      } catch {
        return .undecodable(error)
      }
    case "deflate":
      return deflate(body, limit: limit)
    default:
      return .notEncoded
    }
  }

  private static func deflate(_ body: Data, limit: Int) -> Outcome {
    guard !body.isEmpty else { return .notEncoded }
    let isText = String(validating: body, as: UTF8.self) != nil
    do {
      let decoded = try Inflate.deflate(body, limit: limit)
      // Text that happens to parse as a raw stream (`{` starts a fixed-code final block)
      // decodes to bytes that are not text: it was text all along.
      if isText, !ZlibStream.hasHeader([UInt8](body.prefix(2))),
        String(validating: decoded, as: UTF8.self) == nil
      {
        return .notEncoded
      }
      return .decoded(decoded)
    } catch {
      // Text is what the transport decoded; bytes that are not text and do not decode are a
      // broken stream (compressed data is seldom valid UTF-8).
      return isText ? .notEncoded : .undecodable(error)
    }
  }
}
