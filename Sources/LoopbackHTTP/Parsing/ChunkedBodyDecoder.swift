/// Reassembles a chunked body (RFC 9112 §7.1) from a receive buffer, incrementally: each call
/// consumes what it can and keeps its place.
///
/// Chunk extensions are accepted and ignored; trailer fields are read, checked for control
/// bytes and ignored. Refused with 400: a size that is not hexadecimal, a size line longer
/// than 1 KiB, chunk data not followed by CRLF, bare CR or LF. Refused with 413: a size that
/// would take the body past the limit. Refused with 431: a trailer section past the head
/// size limit.
struct ChunkedBodyDecoder {
  /// The outcome of one call.
  enum Outcome {
    /// More bytes are needed.
    case incomplete
    /// The last chunk and the trailer section arrived; here is the body.
    case complete([UInt8])
    /// The body is refused.
    case rejected(MessageRejection)
  }

  private enum Stage {
    case sizeLine
    case data(remaining: Int)
    case dataEnd
    case trailer
  }

  private static let maxSizeLineBytes = 1024

  private let maxBodyBytes: Int
  private let maxTrailerBytes: Int
  private var stage = Stage.sizeLine
  private var body: [UInt8] = []
  private var trailerBytes = 0
  /// How many bytes of the current line were already scanned without finding its end.
  private var lineScanned = 0

  /// Creates a decoder enforcing the body and trailer size limits.
  init(maxBodyBytes: Int, maxTrailerBytes: Int) {
    self.maxBodyBytes = maxBodyBytes
    self.maxTrailerBytes = maxTrailerBytes
  }

  /// Consumes what it can of `buffer`.
  mutating func decode(_ buffer: inout ReceiveBuffer) -> Outcome {
    do throws(MessageRejection) {
      while true {
        switch stage {
        case .sizeLine:
          guard let line = try takeLine(from: &buffer, limit: Self.maxSizeLineBytes) else {
            return .incomplete
          }
          let size = try Self.chunkSize(line)
          guard size <= maxBodyBytes - body.count else {
            throw .contentTooLarge(limit: maxBodyBytes)
          }
          stage = size == 0 ? .trailer : .data(remaining: size)
        case .data(let remaining):
          let available = min(remaining, buffer.count)
          guard available > 0 else { return .incomplete }
          body.append(contentsOf: buffer.prefix(available))
          buffer.consume(available)
          stage = available == remaining ? .dataEnd : .data(remaining: remaining - available)
        case .dataEnd:
          guard buffer.count >= 2 else { return .incomplete }
          guard buffer[0] == HTTPGrammar.carriageReturn, buffer[1] == HTTPGrammar.lineFeed else {
            throw .badRequest("chunk data is not followed by CRLF")
          }
          buffer.consume(2)
          stage = .sizeLine
        case .trailer:
          let room = maxTrailerBytes - trailerBytes
          guard let line = try takeLine(from: &buffer, limit: room) else { return .incomplete }
          trailerBytes += line.count + 2
          if line.isEmpty { return .complete(body) }
          guard line.allSatisfy(HTTPGrammar.isFieldValueByte) else {
            throw .badRequest("a trailer field holds a control byte")
          }
        }
      }
    } catch {
      return .rejected(error)
    }
  }

  /// Takes one CRLF-terminated line off the buffer (without its CRLF); nil when it has not
  /// arrived in full yet.
  private mutating func takeLine(from buffer: inout ReceiveBuffer, limit: Int)
    throws(MessageRejection) -> [UInt8]?
  {
    let start = lineScanned
    let (found, scanned) = try buffer.withUnsafeBytes {
      bytes throws(MessageRejection) -> (Int?, Int) in
      var index = start
      while index < bytes.count {
        let byte = bytes[index]
        if byte == HTTPGrammar.lineFeed { throw .badRequest("a line ends with LF alone") }
        if byte == HTTPGrammar.carriageReturn {
          guard index + 1 < bytes.count else { return (nil, index) }
          guard bytes[index + 1] == HTTPGrammar.lineFeed else {
            throw .badRequest("a CR is not followed by LF")
          }
          return (index, index)
        }
        index += 1
        if index >= limit { break }
      }
      if index >= limit {
        guard case .trailer = stage else { throw .badRequest("a chunk size line is too long") }
        throw .headTooLarge("the trailer section exceeds \(maxTrailerBytes) bytes")
      }
      return (nil, index)
    }
    lineScanned = scanned
    guard let lineLength = found else { return nil }
    lineScanned = 0
    let line = Array(buffer.prefix(lineLength))
    buffer.consume(lineLength + 2)
    return line
  }

  /// The size of a chunk-size line: hexadecimal digits, then optionally whitespace and
  /// `;`-separated extensions.
  private static func chunkSize(_ line: [UInt8]) throws(MessageRejection) -> Int {
    var size = 0
    var index = 0
    while index < line.count, let digit = HTTPGrammar.hexValue(line[index]) {
      if size > (Int.max - Int(digit)) / 16 {
        size = Int.max
      } else {
        size = size * 16 + Int(digit)
      }
      index += 1
    }
    guard index > 0 else { throw .badRequest("a chunk size is not hexadecimal") }
    while index < line.count && HTTPGrammar.isWhitespace(line[index]) { index += 1 }
    guard index == line.count || line[index] == HTTPGrammar.semicolon else {
      throw .badRequest("a chunk size is followed by something other than an extension")
    }
    guard line[index...].allSatisfy(HTTPGrammar.isFieldValueByte) else {
      throw .badRequest("a chunk extension holds a control byte")
    }
    return size
  }
}
