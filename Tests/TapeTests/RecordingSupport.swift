import Foundation
import HTTPTransportCore
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A transport answering every request with what `answer` returns, as a URLSession would
/// hand it over, without a network.
struct CannedTransport: HTTPTransport {
  let answer: @Sendable (URLRequest) -> (status: Int, headers: [String: String], body: Data)

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let (status, headers, body) = answer(request)
    let response = HTTPURLResponse(
      url: request.url!, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)!
    return (body, response)
  }
}

/// A fresh folder under the temporary directory.
func temporaryFolder() -> URL {
  FileManager.default.temporaryDirectory.appending(path: "tape-rec-\(UUID().uuidString)")
}

/// `body` as a gzip stream of one stored (uncompressed) deflate block, which every gzip
/// decoder reads.
func gzipStored(_ body: Data) -> Data {
  precondition(body.count < 65_535)
  var out = Data([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
  let length = UInt16(body.count)
  out.append(0x01)
  out.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
  out.append(contentsOf: [UInt8(~length & 0xff), UInt8(~length >> 8)])
  out.append(body)
  var crc: UInt32 = 0xffff_ffff
  for byte in body {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
  }
  crc = ~crc
  for value in [crc, UInt32(body.count)] {
    out.append(contentsOf: (0..<4).map { UInt8((value >> (8 * $0)) & 0xff) })
  }
  return out
}
