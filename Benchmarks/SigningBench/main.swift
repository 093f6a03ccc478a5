// signing-bench: throughput of SHA256 and the cost of signing and verifying one request.
// Run with `swift run -c release signing-bench`.
import CloudSigning
import Foundation

/// Runs `body` `rounds` times and returns the fastest run, in seconds.
func fastest(rounds: Int, _ body: () -> UInt8) -> (seconds: Double, checksum: UInt8) {
  var best = Double.infinity
  var checksum: UInt8 = 0
  let clock = ContinuousClock()
  for _ in 0..<rounds {
    let start = clock.now
    checksum ^= body()
    let elapsed = start.duration(to: clock.now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    best = min(best, seconds)
  }
  return (best, checksum)
}

/// Measures SHA-256 over 64 MiB, in one go and in 1000-byte updates.
func measureHashing() -> UInt8 {
  let megabytes = 64
  let bytes = (0..<megabytes * 1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
  let data = Data(bytes)
  let array = fastest(rounds: 5) { SHA256.hash(bytes).bytes[0] }
  print("SHA256 [UInt8], one shot:   \(Int(Double(megabytes) / array.seconds)) MB/s")
  let wrapped = fastest(rounds: 5) { SHA256.hash(data).bytes[0] }
  print("SHA256 Data, one shot:      \(Int(Double(megabytes) / wrapped.seconds)) MB/s")
  let chunked = fastest(rounds: 5) {
    var hasher = SHA256()
    for start in stride(from: 0, to: bytes.count, by: 1_000) {
      hasher.update(bytes[start..<min(start + 1_000, bytes.count)])
    }
    return hasher.finalize().bytes[0]
  }
  print("SHA256 1000-byte updates:   \(Int(Double(megabytes) / chunked.seconds)) MB/s")
  return array.checksum ^ wrapped.checksum ^ chunked.checksum
}

/// Measures HMAC, signing and verifying, per call.
func measureSigning() throws -> UInt8 {
  let iterations = 20_000
  func microseconds(_ seconds: Double) -> String {
    String(format: "%.2f µs", seconds / Double(iterations) * 1e6)
  }
  let key = Array("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc".utf8)
  let message = [UInt8](repeating: UInt8(ascii: "x"), count: 128)
  let hmac = fastest(rounds: 3) {
    var checksum: UInt8 = 0
    for _ in 0..<iterations {
      checksum ^= HMACSHA256.authenticationCode(for: message, key: key).bytes[0]
    }
    return checksum
  }
  print("HMAC-SHA256 of 128 bytes:   \(microseconds(hmac.seconds))")

  let credentials = Credentials(
    accessKey: "AK", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc")
  let signer = SDKSigner(credentials: credentials)
  let verifier = SDKSignatureVerifier(secretKeys: ["AK": credentials.secretKey])
  let now = Date(timeIntervalSince1970: 1_573_789_015)
  let request = SignableRequest(
    method: "POST", path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/resource-package/import-tasks",
    query: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    headers: [
      ("Host", "dataarts-insight.cn-north-4.myhuaweicloud.com"),
      ("Content-Type", "application/json"), ("X-Workspace-Id", "ws-0123456789"),
    ],
    body: Data(String(repeating: #"{"name": "import", "size": 1024}"#, count: 8).utf8))
  var signed = request
  try signer.sign(&signed, at: now)
  let signing = fastest(rounds: 3) {
    var checksum: UInt8 = 0
    for _ in 0..<iterations {
      var copy = request
      try? signer.sign(&copy, at: now)
      checksum ^= UInt8(truncatingIfNeeded: copy.headers.count)
    }
    return checksum
  }
  print("sign one request:           \(microseconds(signing.seconds))")
  let verifying = fastest(rounds: 3) {
    var checksum: UInt8 = 0
    for _ in 0..<iterations {
      if case .success = verifier.verify(signed, now: now) { checksum ^= 1 }
    }
    return checksum
  }
  print("verify one request:         \(microseconds(verifying.seconds))")
  print("sign + verify:              \(microseconds(signing.seconds + verifying.seconds))")
  return hmac.checksum ^ signing.checksum ^ verifying.checksum
}

let checksum = try measureHashing() ^ measureSigning()
print("(checksum \(checksum))")
